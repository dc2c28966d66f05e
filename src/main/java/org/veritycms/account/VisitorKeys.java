package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.veritycms.shared.CsrfTokens;

/** The CSRF token to put in a form for a signed-in person or an anonymous reader. */
@ApplicationScoped
public class VisitorKeys {

    @Inject
    CurrentAccount current;

    @Inject
    CsrfTokens tokens;

    /** The token for a reader identified by their reader id (from the reader cookie). */
    public String csrfForReader(String readerId) {
        return tokens.tokenFor("reader:" + readerId);
    }

    /** The token for the signed-in person, if any. */
    public Optional<String> csrfForSignedIn() {
        return current.get().map(s -> tokens.tokenFor(s.sessionKey()));
    }
}
