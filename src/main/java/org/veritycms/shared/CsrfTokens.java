package org.veritycms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tokens that prove a form was served by this site to this visitor: an HMAC of the visitor's
 * session (signed in) or reader token (anonymous), so nothing needs storing on the server.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "csrf";

    private final ServerSecret secret;

    @Inject
    public CsrfTokens(ServerSecret secret) {
        this.secret = secret;
    }

    protected CsrfTokens() {
        this.secret = null;
    }

    public String tokenFor(String visitorKey) {
        return secret.sign("csrf:" + visitorKey);
    }

    public boolean isValid(String visitorKey, String token) {
        return visitorKey != null && secret.verify("csrf:" + visitorKey, token);
    }
}
