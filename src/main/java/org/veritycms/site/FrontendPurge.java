package org.veritycms.site;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageChangesCommitted;
import org.veritycms.page.TopicChanged;

/**
 * Purges the frontend caches (Varnish with its {@code xkey} module, see {@code src/main/varnish/})
 * of exactly what a committed change touched ({@link SurrogateKeys}): a {@code PURGE} request with
 * the keys in an {@code xkey-purge} header, sent to each cache in {@code verity.cache.purge-urls}.
 * The node that made the change purges; the others hear of it and only drop their own caches.
 * Rating summaries move with every vote, so their pages are purged together at most once every
 * {@code verity.cache.rating-purge-seconds}; everything else goes at once, after the commit, all
 * the pages one transaction changed in one request (in requests of at most {@value #KEYS_PER_REQUEST}
 * keys, to stay well inside a cache's header limit).
 */
@ApplicationScoped
public class FrontendPurge {

    private static final Logger LOG = Logger.getLogger(FrontendPurge.class.getName());
    /** Header the shipped VCL reads the keys to purge from. */
    public static final String HEADER = "xkey-purge";
    private static final long TIMEOUT_SECONDS = 2;
    static final int KEYS_PER_REQUEST = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private static final Duration QUIET_WARNINGS = Duration.ofMinutes(1);

    private final List<URI> caches;
    private final long ratingSeconds;
    private final HttpClient http;
    private final Set<String> pendingRatings = new LinkedHashSet<>();
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<Instant> lastFailure = new AtomicReference<>(Instant.EPOCH);

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ratingFlush;

    @Inject
    public FrontendPurge(@ConfigProperty(name = "verity.cache.purge-urls") Optional<List<String>> purgeUrls,
            @ConfigProperty(name = "verity.cache.rating-purge-seconds", defaultValue = "30") long ratingSeconds) {
        this.caches = purgeUrls.orElse(List.of()).stream().map(String::strip).filter(u -> !u.isEmpty()).map(URI::create).toList();
        this.ratingSeconds = Math.max(1, ratingSeconds);
        this.http = caches.isEmpty() ? null : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    protected FrontendPurge() {
        this.caches = List.of();
        this.ratingSeconds = 1;
        this.http = null;
    }

    private boolean enabled() {
        return !caches.isEmpty();
    }

    void onPageChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged change) {
        if (!enabled() || change.fromOtherNode() || change.throughEntity()) {
            return; // a change through the entity is purged with the rest of its transaction's (onCommitted)
        }
        if (change.scope() == PageChanged.Scope.RATINGS) {
            laterForRatings(change.slug());
        } else {
            purgeBeforeAnswering(SurrogateKeys.purgedBy(change));
        }
    }

    void onCommitted(@Observes PageChangesCommitted committed) {
        if (enabled()) {
            purgeBeforeAnswering(committed.slugs().stream().flatMap(slug -> SurrogateKeys.purgedBy(new PageChanged(slug)).stream())
                    .toList());
        }
    }

    void onTopicChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) TopicChanged change) {
        if (enabled()) {
            purgeBeforeAnswering(List.of(SurrogateKeys.LISTS, SurrogateKeys.topic(change.slug())));
        }
    }

    private synchronized void laterForRatings(String slug) {
        pendingRatings.add(slug);
        if (ratingFlush == null || ratingFlush.isDone()) {
            ratingFlush = scheduler.schedule(this::flushRatings, ratingSeconds, TimeUnit.SECONDS);
        }
    }

    private void flushRatings() {
        List<String> keys;
        synchronized (this) {
            keys = pendingRatings.stream().map(SurrogateKeys::page).toList();
            pendingRatings.clear();
        }
        if (!keys.isEmpty()) {
            send(keys); // nobody waits for a rating's purge
        }
    }

    /**
     * Sends the keys to every cache and waits (at most {@value #TIMEOUT_SECONDS} s) for them to be
     * dropped, so that the answer to the change goes out only once no cache holds the old page: an
     * editor who withdraws a page and looks at once never sees it still served. A cache that failed
     * a purge in the last minute is not waited for, so an unreachable one never slows every change.
     */
    void purgeBeforeAnswering(Collection<String> keys) {
        List<CompletableFuture<?>> sent = send(keys);
        if (lastFailure.get().plus(QUIET_WARNINGS).isBefore(Instant.now())) {
            try {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                lastFailure.set(Instant.now()); // already warned by the send itself, or slower than the timeout
            }
        }
    }

    /** Sends the keys to every cache; a cache out of reach is logged, never thrown. */
    private List<CompletableFuture<?>> send(Collection<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += KEYS_PER_REQUEST) {
            String header = String.join(" ", distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_REQUEST)));
            for (URI cache : caches) {
                sent.add(send(cache, header));
            }
        }
        return sent;
    }

    private CompletableFuture<?> send(URI cache, String header) {
        HttpRequest request = HttpRequest.newBuilder(cache).timeout(TIMEOUT).header(HEADER, header)
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() != 200) {
                lastFailure.set(Instant.now());
                warn(cache, header, failure != null ? failure.toString() : "status " + response.statusCode());
            }
        });
    }

    private void warn(URI cache, String keys, String why) {
        Instant now = Instant.now();
        Instant last = lastWarning.get();
        Level level = now.isAfter(last.plus(QUIET_WARNINGS)) && lastWarning.compareAndSet(last, now) ? Level.WARNING : Level.FINE;
        LOG.log(level, () -> "Could not purge " + keys + " from the cache at " + cache + ": " + why
                + " (readers there may see the old page until it expires)");
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> flush = ratingFlush;
        if (flush != null && flush.cancel(false)) {
            flushRatings();
        }
    }
}
