package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.ApplicationReady;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ServerSecret;
import org.veritycms.shared.SiteAddress;

/**
 * The first administrator, who holds every role. When no account exists at start-up, it is made
 * from {@code VERITY_ADMIN_USERNAME} and {@code VERITY_ADMIN_PASSWORD}; without them, a one-time
 * set-up link is printed in the log instead. There is no default password. The link's token is
 * derived from the server secret, so every node accepts it, and it stops working the moment any
 * account exists.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    private static final String PURPOSE = "first-administrator-setup";

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    ServerSecret secret;

    @Inject
    Clock clock;

    @Inject
    SiteAddress site;

    @Inject
    @ConfigProperty(name = "verity.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "verity.admin.password")
    Optional<String> password;

    @Transactional
    void onReady(@Observes ApplicationReady ready) {
        if (accounts.count() > 0) {
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            String url = site.of("/admin/setup?token=" + setupToken());
            LOG.warning(() -> "No account exists yet. Create the first administrator at " + url
                    + " (the link works once, until an account exists).");
            return;
        }
        try {
            create(username.get(), username.get(), password.get());
            LOG.info(() -> "First administrator '" + username.get() + "' created from the environment");
        } catch (ProblemException e) {
            LOG.warning(() -> "First administrator not created from VERITY_ADMIN_*: " + e.problem().detail());
        }
    }

    /** The set-up link's token. */
    public String setupToken() {
        return secret.sign(PURPOSE);
    }

    /** Whether the set-up link still works: the token is right and no account exists yet. */
    public boolean isSetupOpen(String token) {
        return secret.verify(PURPOSE, token) && accounts.count() == 0;
    }

    /** Refuses (410) a set-up link that has been used or was never valid. */
    public void requireSetupOpen(String token) {
        if (!isSetupOpen(token)) {
            throw new ProblemException(Problem.of(410, "setup-closed", "Set-up link no longer works",
                    "This set-up link has been used or is not valid. Sign in instead."));
        }
    }

    /** Creates the first administrator through the set-up link, if it is still open. */
    @Transactional
    public Account createThroughSetup(String token, String newUsername, String displayName, String newPassword) {
        requireSetupOpen(token);
        return create(newUsername, displayName, newPassword);
    }

    private Account create(String newUsername, String displayName, String newPassword) {
        String weakness = PasswordHasher.weakness(newPassword);
        if (weakness != null) {
            throw ProblemException.invalid(weakness + ".", List.of(new Problem.FieldError("password", weakness)));
        }
        Account account;
        try {
            account = new Account(newUsername, displayName == null || displayName.isBlank() ? newUsername : displayName,
                    hasher.hash(newPassword), EnumSet.allOf(Role.class), clock.instant());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage() + ".", List.of(new Problem.FieldError("username", e.getMessage())));
        }
        accounts.add(account);
        accounts.flush();
        return account;
    }
}
