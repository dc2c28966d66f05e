package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Optional;
import org.veritycms.account.CurrentAccount;
import org.veritycms.shared.ReaderTokens;
import org.veritycms.shared.SecureRequests;

/**
 * Readers as the public forms know them. A page is the same for every reader, so nobody gets a
 * cookie for reading: the reader cookie (signed, HttpOnly, SameSite=Lax) is given with the answer
 * to a reader's first form, and tells their later votes and comments apart from other readers'.
 * Also makes the per-URL placeholders of a shared page ({@link #placeholder}).
 */
@ApplicationScoped
public class Visitors {

    /** Random for each start, so that nothing a reader writes can pass for a placeholder. */
    private static final String NONCE = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    /** A placeholder for something a page shows only at one of its notice addresses, unguessable by readers. */
    public static String placeholder(String name) {
        return "__verity_" + name + placeholderEnd();
    }

    static String placeholderEnd() {
        return "_" + NONCE + "__";
    }

    @Inject
    ReaderTokens readers;

    @Inject
    CurrentAccount current;

    /**
     * The reader posting a form: the one their cookie names; staff signed in without one by account;
     * anyone else a new reader, who gets their cookie with the answer.
     */
    public ReaderTokens.Reader writer(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(ReaderTokens.COOKIE);
        ReaderTokens.Reader reader = readers.knownOrNew(cookie == null ? null : cookie.getValue());
        if (reader.newToken().isEmpty()) {
            return reader;
        }
        return current.get().map(s -> new ReaderTokens.Reader("account:" + s.username(), Optional.empty())).orElse(reader);
    }

    /** The answer to a form, with the new reader's cookie when they had none. */
    public Response.ResponseBuilder answer(ReaderTokens.Reader writer, Response.ResponseBuilder response,
            HttpServletRequest request) {
        writer.newToken().ifPresent(token -> response.cookie(readers.cookie(token, SecureRequests.isSecure(request))));
        return response;
    }
}
