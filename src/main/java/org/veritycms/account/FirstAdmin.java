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

/**
 * Creates the first administrator from {@code VERITY_ADMIN_USERNAME} and
 * {@code VERITY_ADMIN_PASSWORD} when no account exists yet. There is no default password.
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
    @ConfigProperty(name = "verity.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "verity.admin.password")
    Optional<String> password;

    @Transactional
    void onReady(@Observes ApplicationReady ready) {
        if (accounts.count() > 0 || username.isEmpty() || password.isEmpty()) {
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
