package org.veritycms.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client limits on public writes (token buckets, kept per node): {@code verity.rate-limit.public-writes}
 * requests per {@code verity.rate-limit.window-seconds}, per client key and action; an action may
 * have its own limit ({@code verity.rate-limit.sign-in}).
 */
@ApplicationScoped
public class RateLimits {

    private final Cache<String, Bucket> buckets;
    private final long capacity;
    private final Duration window;

    @Inject
    public RateLimits(@ConfigProperty(name = "verity.rate-limit.public-writes", defaultValue = "20") long capacity,
            @ConfigProperty(name = "verity.rate-limit.window-seconds", defaultValue = "60") long windowSeconds) {
        this.capacity = capacity;
        this.window = Duration.ofSeconds(windowSeconds);
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(windowSeconds * 2, TimeUnit.SECONDS).build();
    }

    protected RateLimits() {
        this.buckets = null;
        this.capacity = 0;
        this.window = null;
    }

    /** {@code verity.rate-limit.<action>} when set, otherwise the public-writes limit. */
    private long capacityOf(String action) {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("verity.rate-limit." + action, Long.class).orElse(capacity);
    }

    /** Takes one request from the client's bucket for this action, or answers 429 with Retry-After. */
    public void check(String action, String clientKey) {
        ConsumptionProbe probe = bucket(action, clientKey).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw ProblemException.tooManyRequests(seconds);
        }
    }

    /**
     * For limits on failures only: answers 429 when the client's bucket for this action is empty,
     * without taking from it ({@link #spend} takes, once the attempt has failed).
     */
    public void requireLeft(String action, String clientKey) {
        Bucket bucket = bucket(action, clientKey);
        if (bucket.getAvailableTokens() < 1) {
            throw ProblemException.tooManyRequests(Math.max(1, window.toSeconds()));
        }
    }

    /** Takes one from the client's bucket for this action, whatever is left. */
    public void spend(String action, String clientKey) {
        bucket(action, clientKey).tryConsume(1);
    }

    private Bucket bucket(String action, String clientKey) {
        return buckets.get(action + "|" + clientKey, k -> {
            long limit = capacityOf(action);
            return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build()).build();
        });
    }
}
