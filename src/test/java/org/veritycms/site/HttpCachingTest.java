package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritycms.page.PageChanged;

/** Cache ages never reach past the instant a page stops being true; validators follow RFC 9110. */
class HttpCachingTest {

    final HttpCaching caching = new HttpCaching(60, 3600, 30, "Surrogate-Key");
    final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void farFromTheNextChangeOfStateTheConfiguredAgesApply() {
        assertEquals("public, max-age=60, s-maxage=3600, stale-while-revalidate=30",
                caching.cacheControl(now.plusSeconds(86_400), now));
    }

    @Test
    void nearTheNextChangeOfStateNoCacheMayKeepOrServeThePageBeyondIt() {
        assertEquals("public, max-age=60, s-maxage=3600, stale-while-revalidate=10",
                caching.cacheControl(now.plusSeconds(3610), now), "stale only up to the instant");
        assertEquals("public, max-age=60, s-maxage=100", caching.cacheControl(now.plusSeconds(100), now));
        assertEquals("public, max-age=1, s-maxage=1", caching.cacheControl(now.plusSeconds(1), now));
        assertEquals("public, max-age=0, s-maxage=0", caching.cacheControl(now, now), "at the instant: ask every time");
        assertEquals("public, max-age=0, s-maxage=0", caching.cacheControl(now.minusSeconds(5), now));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndDecidesOverIfModifiedSince() {
        assertTrue(HttpCaching.matches("\"abc\"", "\"abc\""));
        assertTrue(HttpCaching.matches("W/\"abc\"", "\"abc\""));
        assertTrue(HttpCaching.matches("\"x\", \"abc\"", "\"abc\""));
        assertTrue(HttpCaching.matches("*", "\"abc\""));
        assertFalse(HttpCaching.matches("\"abc-rated\"", "\"abc\""));
        assertFalse(HttpCaching.matches("abc", "\"abc\""), "an unquoted tag is no tag");
        assertFalse(HttpCaching.matches("", "\"abc\""));
    }

    @Test
    void ifModifiedSinceHoldsToTheSecondAndAnIfNoneMatchThatDiffersWinsOverIt() {
        String date = HttpCaching.httpDate(now);
        assertTrue(HttpCaching.notModified(null, date, "\"abc\"", now));
        assertTrue(HttpCaching.notModified(null, HttpCaching.httpDate(now.plusSeconds(1)), "\"abc\"", now));
        assertFalse(HttpCaching.notModified(null, HttpCaching.httpDate(now.minusSeconds(1)), "\"abc\"", now));
        assertFalse(HttpCaching.notModified("\"old\"", date, "\"abc\"", now), "the validator decides when both are sent");
        assertFalse(HttpCaching.notModified(null, "yesterday", "\"abc\"", now), "an unreadable date is no condition");
        assertFalse(HttpCaching.notModified(null, null, "\"abc\"", now));
    }

    @Test
    void aSharedPageIsAnsweredWholeOr304WithTheSameHeaders() {
        SharedPage page = new SharedPage("<p>Advice</p>", now, now.plusSeconds(86_400), List.of("p-back-pain", "lists"));
        HttpCaching.Answer full = caching.answer(page, Notices.Shown.NONE, null, null, now);
        assertEquals(200, full.status());
        assertEquals("<p>Advice</p>", new String(full.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("p-back-pain lists", full.headers().get("Surrogate-Key"));
        assertEquals("Mon, 07 Dec 2026 10:00:00 GMT", full.headers().get("Last-Modified"));
        HttpCaching.Answer unchanged = caching.answer(page, Notices.Shown.NONE, full.headers().get("ETag"), null, now);
        assertEquals(304, unchanged.status());
        assertEquals(null, unchanged.body());
        assertEquals(full.headers(), unchanged.headers());
    }

    @Test
    void datesAreWrittenAsImfFixdate() {
        assertEquals("Mon, 07 Dec 2026 10:00:00 GMT", HttpCaching.httpDate(now));
    }

    @Test
    void aChangeToThePagePurgesItsPageThePagesRelatingToItAndTheListsAndAReaderChangeOnlyThePage() {
        assertEquals(List.of("p-back-pain", "r-back-pain", "lists"), SurrogateKeys.purgedBy(new PageChanged("back-pain")));
        assertEquals(List.of("p-back-pain"), SurrogateKeys.purgedBy(PageChanged.comments("back-pain")));
        assertEquals(List.of("p-back-pain"), SurrogateKeys.purgedBy(PageChanged.ratings("back-pain")));
        assertEquals(List.of("p-yoga", "r-back-pain", "r-pilates"), SurrogateKeys.ofPage("yoga", List.of("back-pain", "pilates")));
    }
}
