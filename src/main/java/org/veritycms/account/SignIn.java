package org.veritycms.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a username and password, giving one answer for every failure (unknown user, wrong
 * password, disabled account, backing off), each at the cost of one password hash, so that
 * neither the answer nor its time tells which usernames exist.
 *
 * <p>Repeated failures back off per account <em>and</em> address: after
 * {@code verity.sign-in.max-failures} failures in a row from one address, that address waits
 * {@code verity.sign-in.lock-minutes}, doubling with each further failure (up to a day). A
 * stranger guessing from elsewhere therefore never locks the account's owner out.
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());
    private static final Duration LONGEST_WAIT = Duration.ofDays(1);

    /** The outcome: the account, or nothing (the person is told only that it failed). */
    public record Result(Account account) {
        public boolean succeeded() {
            return account != null;
        }
    }

    /** Failures in a row from one address on one username, and until when it must wait. */
    private record Failures(int count, Instant waitUntil) {
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

    private final Cache<String, Failures> failures = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(1, TimeUnit.DAYS).build();

    @Transactional
    public Result attempt(String username, String password, String address) {
        Instant now = clock.instant();
        String key = (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "|" + address;
        Failures before = failures.getIfPresent(key);
        Optional<Account> found = username == null ? Optional.empty() : accounts.findByUsername(username);
        boolean matches;
        if (found.isPresent() && password != null) {
            matches = hasher.matches(password, found.get().passwordHash());
        } else {
            hasher.burn(password == null ? "" : password);
            matches = false;
        }
        boolean waiting = before != null && before.waitUntil() != null && now.isBefore(before.waitUntil());
        if (!matches || waiting || !found.get().enabled()) {
            if (!waiting) {
                failed(key, before, now);
            }
            return new Result(null);
        }
        failures.invalidate(key);
        found.get().signInSucceeded();
        return new Result(found.get());
    }

    private void failed(String key, Failures before, Instant now) {
        int count = before == null ? 1 : before.count() + 1;
        Instant waitUntil = null;
        if (count >= maxFailures) {
            Duration wait = Duration.ofMinutes(lockMinutes).multipliedBy(1L << Math.min(16, count - maxFailures));
            waitUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            if (count == maxFailures) {
                LOG.warning(() -> "Repeated failed sign-ins for one username from one address: backing off");
            }
        }
        failures.put(key, new Failures(count, waitUntil));
    }
}
