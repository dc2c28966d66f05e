package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.ApplicationReady;
import org.veritycms.shared.SiteAddress;

/**
 * Creates the first administrator from {@code VERITY_ADMIN_USERNAME} and
 * {@code VERITY_ADMIN_PASSWORD} when no account exists yet; without them, prints a one-time
 * set-up link in the log instead. There is no default password.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    SetupLink setupLink;

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
            String url = site.of("/admin/setup?token=" + setupLink.token());
            LOG.warning(() -> "No account exists yet. Create the first administrator at " + url
                    + " (the link works once, until an account exists).");
            return;
        }
        String weakness = PasswordHasher.weakness(password.get());
        if (weakness != null) {
            LOG.warning(() -> "First administrator not created from VERITY_ADMIN_PASSWORD: " + weakness);
            return;
        }
        accounts.add(new Account(username.get(), username.get(), hasher.hash(password.get()),
                EnumSet.allOf(Role.class), clock.instant()));
        LOG.info(() -> "First administrator '" + username.get() + "' created from the environment");
    }
}
