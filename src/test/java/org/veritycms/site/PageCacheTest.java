package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.veritycms.page.PageChanged;

/** Which renders the page cache keeps when pages change while they are made. */
class PageCacheTest {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    final PageCache cache = new PageCache(100);

    static PageCache.Entry entry(String slug, Set<String> related) {
        return new PageCache.Entry("back-pain", new SharedPage("<p>" + slug + "</p>", NOW, NOW.plusSeconds(3600), List.of("p-" + slug)),
                related);
    }

    /** Renders {@code slug} (showing {@code related}) while {@code meanwhile} happens; whether the render was kept. */
    boolean keptWhile(String slug, Set<String> related, Runnable meanwhile) {
        PageCache.Entry made = entry(slug, related);
        SharedPage served = cache.get("back-pain", slug, NOW, () -> {
            meanwhile.run();
            return made;
        });
        assertSame(made.page(), served, "the reader gets the render either way");
        return cache.fresh("back-pain", slug, NOW).isPresent();
    }

    @Test
    void aRenderIsKeptWhenNothingItShowsChangedMeanwhile() {
        assertTrue(keptWhile("stretching", Set.of("walking"), () -> { }));
    }

    @Test
    void otherPagesChangingMeanwhileDoNotStopARenderBeingKept() {
        assertTrue(keptWhile("stretching", Set.of("walking"), () -> {
            cache.onChange(PageChanged.ratings("pilates-basics"));
            cache.invalidate("yoga-for-beginners");
        }), "a busy site's ratings elsewhere leave this page cacheable");
    }

    @Test
    void aRenderOfAPageThatChangedMeanwhileIsNotKept() {
        assertFalse(keptWhile("stretching", Set.of("walking"), () -> cache.invalidate("stretching")));
        assertFalse(keptWhile("stretching", Set.of(), () -> cache.onChange(PageChanged.comments("stretching"))),
                "a comment published meanwhile");
    }

    @Test
    void aRenderShowingARelatedPageThatChangedMeanwhileIsNotKept() {
        assertFalse(keptWhile("stretching", Set.of("walking", "pilates-basics"), () -> cache.invalidate("walking")));
    }

    @Test
    void aRenderDuringWhichEverythingWasDroppedIsNotKept() {
        assertFalse(keptWhile("stretching", Set.of(), cache::clear));
    }

    @Test
    void aChangeBeforeTheRenderStartedDoesNotStopItBeingKept() {
        cache.invalidate("stretching");
        cache.clear();
        assertTrue(keptWhile("stretching", Set.of("walking"), () -> { }));
    }

    @Test
    void aChangeToAPageDropsTheCachedPagesThatShowItAsRelated() {
        assertTrue(keptWhile("stretching", Set.of("walking"), () -> { }));
        cache.invalidate("walking");
        assertFalse(cache.fresh("back-pain", "stretching", NOW).isPresent());
    }
}
