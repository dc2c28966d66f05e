package org.veritycms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Anonymous readers are told apart by a signed random token in an HttpOnly, SameSite=Lax cookie,
 * not by their IP address (many readers share one). A forged or damaged token is ignored.
 */
@ApplicationScoped
public class ReaderTokens {

    public static final String COOKIE = "verity_reader";
    private static final int MAX_AGE = 400 * 24 * 3600;

    private final ServerSecret secret;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ReaderTokens(ServerSecret secret) {
        this.secret = secret;
    }

    protected ReaderTokens() {
        this.secret = null;
    }

    /** A new token: random id, dot, signature. */
    public String issue() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return value + "." + secret.sign("reader:" + value);
    }

    /** A reader: their id, and the token to give them in a cookie when they are new. */
    public record Reader(String id, Optional<String> newToken) {

        /** The id when the reader is one the site already knew (their cookie was genuine); empty for a new one. */
        public Optional<String> knownId() {
            return newToken.isEmpty() ? Optional.of(id) : Optional.empty();
        }
    }

    /** The reader behind a cookie's value; a new reader, with a new token, when it is missing, forged or damaged. */
    public Reader knownOrNew(String cookieValue) {
        Optional<String> known = verify(cookieValue);
        if (known.isPresent()) {
            return new Reader(known.get(), Optional.empty());
        }
        String token = issue();
        return new Reader(token.substring(0, token.indexOf('.')), Optional.of(token));
    }

    /** The reader id inside a genuine token; empty for a missing, forged or damaged one. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String value = token.substring(0, dot);
        return secret.verify("reader:" + value, token.substring(dot + 1)) ? Optional.of(value) : Optional.empty();
    }

    /**
     * The same cookie as {@link #cookie} written as a {@code Set-Cookie} value, for the readers' hot
     * path (a token is base64url, a dot and base64url, so it needs no quoting).
     */
    public String setCookieHeader(String token, boolean secure) {
        return COOKIE + "=" + token + "; Path=/; Max-Age=" + MAX_AGE + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    public NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").maxAge(MAX_AGE).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
