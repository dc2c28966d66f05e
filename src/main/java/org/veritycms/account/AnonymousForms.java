package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.veritycms.shared.ReaderTokens;
import org.veritycms.shared.SecureRequests;

/**
 * Forms shown to someone not yet signed in (sign-in, first set-up): their CSRF token is bound to
 * the reader cookie, which is issued with the form when the visitor has none.
 */
@ApplicationScoped
public class AnonymousForms {

    /** The token for the form, and the reader cookie to set with it (null when the visitor has one). */
    public record Prepared(String csrf, String newReaderToken) {
    }

    @Inject
    ReaderTokens readers;

    @Inject
    VisitorKeys keys;

    public Prepared prepare(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(ReaderTokens.COOKIE);
        ReaderTokens.Reader reader = readers.knownOrNew(cookie == null ? null : cookie.getValue());
        return new Prepared(keys.csrfForReader(reader.id()), reader.newToken().orElse(null));
    }

    /** The form's response, with the new reader cookie when one was issued. */
    public Response.ResponseBuilder attach(Prepared form, Response.ResponseBuilder response, HttpServletRequest request) {
        return form.newReaderToken() == null ? response
                : response.cookie(readers.cookie(form.newReaderToken(), SecureRequests.isSecure(request)));
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; max age 0 removes it. */
    public static NewCookie sessionCookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(SessionStore.COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }
}
