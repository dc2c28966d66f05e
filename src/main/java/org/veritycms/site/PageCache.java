package org.veritycms.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.page.EveryPageChanged;
import org.veritycms.page.PageChanged;

/**
 * Rendered guidance pages, kept until something on them changes. An entry is dropped when its
 * page (or a page it links as related) changes, and in any case at the instant it stops being
 * true: the next local midnight, when review states move, or the page's expiry. Changes made on
 * other nodes arrive as the same events ({@code page/PageChangeReceiver}).
 */
@ApplicationScoped
public class PageCache {

    /** A rendered page, its topic, and the pages it shows as related. */
    public record Entry(String topicSlug, SharedPage page, Set<String> relatedSlugs) {

        boolean servesAt(String topic, Instant now) {
            return topicSlug.equals(topic) && now.isBefore(page.validUntil());
        }
    }

    private final Cache<String, Entry> cache;
    /** Bumped on every invalidation, so a render that raced with a change is not kept. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    public PageCache(@ConfigProperty(name = "verity.cache.pages", defaultValue = "10000") long maxPages) {
        this.cache = Caffeine.newBuilder().maximumSize(maxPages).build();
    }

    protected PageCache() {
        this.cache = null;
    }

    /** The cached page under this topic, rendered (and kept) when missing or stale. */
    public SharedPage get(String topicSlug, String slug, Instant now, Supplier<Entry> render) {
        Entry entry = cache.getIfPresent(slug);
        if (entry != null && !entry.topicSlug().equals(topicSlug)) {
            return render.get().page();
        }
        if (entry == null || !now.isBefore(entry.page().validUntil())) {
            long before = generation.get();
            entry = render.get();
            if (generation.get() == before) {
                cache.put(slug, entry);
            }
        }
        return entry.page();
    }

    /** The cached page under this topic if it is still true at {@code now}; never renders. */
    public Optional<SharedPage> fresh(String topicSlug, String slug, Instant now) {
        Entry entry = cache.getIfPresent(slug);
        return entry != null && entry.servesAt(topicSlug, now) ? Optional.of(entry.page()) : Optional.empty();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged change) {
        if (change.content()) {
            invalidate(change.slug());
        } else {
            // comments and ratings show on their own page only, not on the pages that link to it
            generation.incrementAndGet();
            cache.invalidate(change.slug());
        }
    }

    void onMissedChanges(@Observes EveryPageChanged missed) {
        clear();
    }

    public void invalidate(String slug) {
        generation.incrementAndGet();
        cache.invalidate(slug);
        cache.asMap().entrySet().removeIf(e -> e.getValue().relatedSlugs().contains(slug));
    }

    public void clear() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
