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
import org.veritycms.shared.SecureRequests;

/**
 * Makes a cached page this reader's own: gives a new reader their signed reader cookie and fills
 * in the page's per-request placeholders: the CSRF token in its forms ({@link #CSRF_PLACEHOLDER}),
 * the comment form's signed display time and notice, and the thank-you after rating.
 */
@ApplicationScoped
public class Visitors {

    /** Random for each start, so that nothing a reader writes can pass for a placeholder. */
    private static final String NONCE = Long.toString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    /** The placeholder name for a public form's CSRF token. */
    public static final String CSRF = "csrf";

    /** What templates write where a public form's CSRF token goes (never a valid token). */
    public static final String CSRF_PLACEHOLDER = placeholder(CSRF);

    /** A placeholder for something filled in per request, unguessable by readers. */
    public static String placeholder(String name) {
        return "__verity_" + name + placeholderEnd();
    }

    static String placeholderEnd() {
        return "_" + NONCE + "__";
    }

    /** A page made one reader's own, and the reader cookie to give when the reader is new. */
    public record Personalised(byte[] body, Optional<String> newReaderToken) {
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

    /** The page for the reader whose cookie holds {@code readerCookie} (null or forged: a new reader). */
    public Personalised personalise(FillableHtml page, String readerCookie, HttpServletRequest request) {
        ReaderTokens.Reader reader = readers.knownOrNew(readerCookie);
        byte[] body = page.fill(slot -> switch (slot) {
            // a signed-in person's forms are checked against their session, a reader's against their cookie
            case CSRF -> keys.csrfForSignedIn().orElseGet(() -> keys.csrfForReader(reader.id()));
            case CommentPlaceholders.STAMP_NAME -> comments.stamp();
            case CommentPlaceholders.NOTICE_NAME -> comments.notice(request);
            case RatingSection.THANKS_NAME -> rating.thanks(request);
            default -> "";
        });
        return new Personalised(body, reader.newToken());
    }

    public Response.ResponseBuilder personalise(String html, HttpHeaders headers, HttpServletRequest request) {
        return personalise(FillableHtml.of(html), headers, request);
    }

    public Response.ResponseBuilder personalise(FillableHtml page, HttpHeaders headers, HttpServletRequest request) {
        Cookie cookie = headers.getCookies().get(ReaderTokens.COOKIE);
        Personalised own = personalise(page, cookie == null ? null : cookie.getValue(), request);
        Response.ResponseBuilder response = Response.ok(own.body(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", CACHE_CONTROL);
        own.newReaderToken().ifPresent(token -> response.header("Set-Cookie", readerCookieHeader(token, request)));
        return response;
    }

    /** Every personalised page is the reader's own: browsers may keep it but must ask again. */
    public static final String CACHE_CONTROL = "private, no-cache";

    /** The reader cookie for a new reader, as a {@code Set-Cookie} value. */
    public String readerCookieHeader(String token, HttpServletRequest request) {
        return readers.setCookieHeader(token, SecureRequests.isSecure(request));
    }
}
