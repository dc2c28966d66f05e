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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
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

    /** How many slots changes are noted in: a render is kept unless a slot of its pages moved meanwhile. */
    private static final int SLOTS = 4096;

    private final Cache<String, Entry> cache;
    /** Counts every invalidation; a render notes it before it starts. */
    private final AtomicLong changes = new AtomicLong();
    /**
     * The count at the latest change of any page hashing to each slot, so that a render which
     * raced with a change to its page or to a page it shows as related is not kept, while changes
     * to other pages (a busy site's ratings, say) leave it be. Two pages sharing a slot cost at
     * most a render that is not kept.
     */
    private final AtomicLongArray lastChangeBySlot = new AtomicLongArray(SLOTS);
    /** The count when everything was last dropped. */
    private final AtomicLong lastCleared = new AtomicLong();

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
            long before = changes.get();
            entry = render.get();
            if (unchangedSince(before, slug, entry)) {
                cache.put(slug, entry);
                if (!unchangedSince(before, slug, entry)) {
                    cache.asMap().remove(slug, entry); // a change that came between the look and the put
                }
            }
        }
        return entry.page();
    }

    private boolean unchangedSince(long before, String slug, Entry entry) {
        if (lastCleared.get() > before || lastChangeBySlot.get(slot(slug)) > before) {
            return false;
        }
        return entry.relatedSlugs().stream().allMatch(related -> lastChangeBySlot.get(slot(related)) <= before);
    }

    private static int slot(String slug) {
        return Math.floorMod(slug.hashCode(), SLOTS);
    }

    private void noteChange(String slug) {
        lastChangeBySlot.accumulateAndGet(slot(slug), changes.incrementAndGet(), Math::max);
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
            noteChange(change.slug());
            cache.invalidate(change.slug());
        }
    }

    void onMissedChanges(@Observes EveryPageChanged missed) {
        clear();
    }

    public void invalidate(String slug) {
        noteChange(slug);
        cache.invalidate(slug);
        cache.asMap().entrySet().removeIf(e -> e.getValue().relatedSlugs().contains(slug));
    }

    public void clear() {
        lastCleared.accumulateAndGet(changes.incrementAndGet(), Math::max);
        cache.invalidateAll();
    }
}
