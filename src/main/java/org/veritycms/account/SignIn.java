package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a username and password. After {@code verity.sign-in.max-failures} failures in a row
 * the account locks for {@code verity.sign-in.lock-minutes}; the answer never says whether the
 * username exists.
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    /** Why a sign-in failed, as much as the person may be told. */
    public enum Failure { BAD_CREDENTIALS, LOCKED }

    /** The outcome: the account, or why not. */
    public record Result(Account account, Failure failure) {
        public boolean succeeded() {
            return account != null;
        }
    }

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.sign-in.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "verity.sign-in.lock-minutes", defaultValue = "15")
    long lockMinutes;

    @Transactional(dontRollbackOn = RuntimeException.class)
    public Result attempt(String username, String password) {
        Optional<Account> found = accounts.findByUsername(username);
        if (found.isEmpty() || password == null) {
            hasher.burn(password == null ? "" : password);
            return new Result(null, Failure.BAD_CREDENTIALS);
        }
        Account account = found.get();
        if (account.isLockedAt(clock.instant())) {
            hasher.burn(password);
            return new Result(null, Failure.LOCKED);
        }
        if (!account.enabled() || !hasher.matches(password, account.passwordHash())) {
            account.signInFailed(clock.instant(), maxFailures, Duration.ofMinutes(lockMinutes));
            if (account.isLockedAt(clock.instant())) {
                LOG.warning(() -> "Account '" + account.username() + "' locked after repeated failed sign-ins");
                return new Result(null, Failure.LOCKED);
            }
            return new Result(null, Failure.BAD_CREDENTIALS);
        }
        account.signInSucceeded();
        return new Result(account, null);
    }
}
