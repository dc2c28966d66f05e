package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.veritycms.account.AnonymousForms;
import org.veritycms.account.VisitorKeys;
import org.veritycms.shared.ReaderTokens;

/**
 * Makes a cached page this reader's own: gives a new reader their signed reader cookie and puts
 * their CSRF token into the page's forms, where the cached HTML holds {@link #CSRF_PLACEHOLDER}.
 */
@ApplicationScoped
public class Visitors {

    /** Random for each start, so that nothing a reader writes can pass for a placeholder. */
    private static final String NONCE = Long.toString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    /** What templates write where a public form's CSRF token goes (never a valid token). */
    public static final String CSRF_PLACEHOLDER = placeholder("csrf");

    /** A placeholder for something filled in per request, unguessable by readers. */
    public static String placeholder(String name) {
        return "__verity_" + name + "_" + NONCE + "__";
    }

    @Inject
    ReaderTokens readers;

    @Inject
    VisitorKeys keys;

    @Inject
    CommentPlaceholders comments;

    @Inject
    RatingSection rating;

    /** The reader id from the request's cookie, if it is genuine. */
    public Optional<String> readerId(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(ReaderTokens.COOKIE);
        return cookie == null ? Optional.empty() : readers.verify(cookie.getValue());
    }

    public Response.ResponseBuilder personalise(String html, HttpHeaders headers, HttpServletRequest request) {
        Optional<String> existing = readerId(headers);
        String newToken = existing.isPresent() ? null : readers.issue();
        String readerId = existing.orElseGet(() -> readers.verify(newToken).orElseThrow());
        // a signed-in person's forms are checked against their session, a reader's against their cookie
        String csrf = keys.csrfForSignedIn().orElseGet(() -> keys.csrfForReader(readerId));
        String body = rating.fill(comments.fill(html.contains(CSRF_PLACEHOLDER) ? html.replace(CSRF_PLACEHOLDER, csrf) : html,
                request), request);
        Response.ResponseBuilder response = Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "private, no-cache");
        if (newToken != null) {
            response.cookie(readers.cookie(newToken, isSecure(request, headers)));
        }
        return response;
    }

    public static boolean isSecure(HttpServletRequest request, HttpHeaders headers) {
        return AnonymousForms.isSecure(request, headers);
    }
}
