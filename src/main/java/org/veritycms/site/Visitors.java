package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.veritycms.account.VisitorKeys;
import org.veritycms.shared.ReaderTokens;

/**
 * Makes a cached page this reader's own: gives a new reader their signed reader cookie and puts
 * their CSRF token into the page's forms, where the cached HTML holds {@link #CSRF_PLACEHOLDER}.
 */
@ApplicationScoped
public class Visitors {

    /** What templates write where a public form's CSRF token goes (never a valid token). */
    public static final String CSRF_PLACEHOLDER = "__verity_csrf__";

    @Inject
    ReaderTokens readers;

    @Inject
    VisitorKeys keys;

    /** The reader id from the request's cookie, if it is genuine. */
    public Optional<String> readerId(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(ReaderTokens.COOKIE);
        return cookie == null ? Optional.empty() : readers.verify(cookie.getValue());
    }

    public Response.ResponseBuilder personalise(String html, HttpHeaders headers, HttpServletRequest request) {
        Optional<String> existing = readerId(headers);
        String newToken = existing.isPresent() ? null : readers.issue();
        String readerId = existing.orElseGet(() -> readers.verify(newToken).orElseThrow());
        String body = html.contains(CSRF_PLACEHOLDER) ? html.replace(CSRF_PLACEHOLDER, keys.csrfForReader(readerId)) : html;
        Response.ResponseBuilder response = Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "private, no-cache");
        if (newToken != null) {
            response.cookie(readers.cookie(newToken, isSecure(request, headers)));
        }
        return response;
    }

    public static boolean isSecure(HttpServletRequest request, HttpHeaders headers) {
        return request.isSecure() || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
    }
}
