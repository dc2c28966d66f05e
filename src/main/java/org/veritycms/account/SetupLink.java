package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ServerSecret;

/**
 * The one-time link that creates the first administrator when nobody set one in the environment.
 * The token is derived from the server secret, so every node accepts it, and it stops working the
 * moment any account exists.
 */
@ApplicationScoped
public class SetupLink {

    private static final String PURPOSE = "first-administrator-setup";

    @Inject
    ServerSecret secret;

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    public String token() {
        return secret.sign(PURPOSE);
    }

    /** Whether the link still works: the token is right and no account exists yet. */
    public boolean isOpen(String token) {
        return secret.verify(PURPOSE, token) && accounts.count() == 0;
    }

    /** Creates the first administrator (every role), if the link is still open. */
    @Transactional
    public Account createFirstAdministrator(String token, String username, String displayName, String password) {
        if (!isOpen(token)) {
            throw new ProblemException(Problem.of(410, "setup-closed", "Set-up link no longer works",
                    "This set-up link has been used or is not valid. Sign in instead."));
        }
        String weakness = PasswordHasher.weakness(password);
        if (weakness != null) {
            throw ProblemException.invalid(weakness + ".", List.of(new Problem.FieldError("password", weakness)));
        }
        Account account;
        try {
            account = new Account(username, displayName == null || displayName.isBlank() ? username : displayName,
                    hasher.hash(password), EnumSet.allOf(Role.class), clock.instant());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage() + ".", List.of(new Problem.FieldError("username", e.getMessage())));
        }
        accounts.add(account);
        accounts.flush();
        return account;
    }
}
