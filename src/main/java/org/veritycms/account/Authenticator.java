package org.veritycms.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.veritycms.shared.ContentHash;

/**
 * Turns a session cookie or HTTP Basic credentials into a {@link SignedIn}. Verified Basic
 * credentials are remembered briefly (by hash) so API clients don't pay the password hash on
 * every call.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    SessionStore sessions;

    @Inject
    AccountRepository accounts;

    @Inject
    SignIn signIn;

    @Inject
    Clock clock;

    /** The rate-limit action counting failed HTTP Basic sign-ins per address ({@code verity.rate-limit.failed-basic}). */
    private static final String FAILED_BASIC = "failed-basic";

    @Inject
    org.veritycms.shared.RateLimits limits;

    private final Cache<String, Long> verifiedBasic = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(60, TimeUnit.SECONDS).build();

    @Transactional
    public Optional<SignedIn> fromSession(String token) {
        return sessions.resume(token).flatMap(accounts::findById)
                .filter(a -> a.canSignInAt(clock.instant()))
                .map(a -> SignedIn.of(a, SignedIn.SESSION + ContentHash.of(token)));
    }

    @Transactional
    public Optional<SignedIn> fromBasic(String header, String address) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 1000) {
            return Optional.empty();
        }
        String key = ContentHash.of(header);
        Long known = verifiedBasic.getIfPresent(key);
        if (known != null) {
            return accounts.findById(known).filter(a -> a.canSignInAt(clock.instant()))
                    .map(a -> SignedIn.of(a, "basic:" + key));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        // credentials not verified lately cost a password hash: failures are limited per address before hashing
        limits.requireLeft(FAILED_BASIC, address);
        SignIn.Result result = signIn.attempt(decoded.substring(0, colon), decoded.substring(colon + 1), address);
        if (!result.succeeded()) {
            limits.spend(FAILED_BASIC, address);
            return Optional.empty();
        }
        verifiedBasic.put(key, result.account().id());
        return Optional.of(SignedIn.of(result.account(), "basic:" + key));
    }

    /** Forgets remembered credentials, e.g. after a password change. */
    public void forgetCredentials() {
        verifiedBasic.invalidateAll();
    }
}
