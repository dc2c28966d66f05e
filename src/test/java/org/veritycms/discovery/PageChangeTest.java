package org.veritycms.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.veritycms.page.Page;
import org.veritycms.testing.SamplePages;

class PageChangeTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aReviewAfterTheLastEditIsTheNews() {
        Page page = SamplePages.page("T", LocalDate.of(2026, 3, 2), Instant.parse("2026-03-01T23:30:00Z"));
        PageChange change = PageChange.of(page, LONDON);
        assertEquals(PageChange.Kind.REVIEWED, change.kind());
        assertEquals(LocalDate.of(2026, 3, 2), change.day());
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), change.at());
    }

    @Test
    void anEditAfterTheLastReviewIsTheNews() {
        Page page = SamplePages.page("T", LocalDate.of(2026, 3, 2), Instant.parse("2026-03-03T08:00:00Z"));
        assertEquals(PageChange.Kind.UPDATED, PageChange.of(page, LONDON).kind());
        assertEquals(LocalDate.of(2026, 3, 3), PageChange.lastModified(page, LONDON));
    }

    @Test
    void onTheSameDayTheReviewWinsAndKeepsTheEditsTime() {
        Page page = SamplePages.page("T", LocalDate.of(2026, 7, 1), Instant.parse("2026-06-30T23:30:00Z"));
        PageChange change = PageChange.of(page, LONDON);
        assertEquals(PageChange.Kind.REVIEWED, change.kind(), "23:30 UTC on 30 June is 1 July in London (summer time)");
        assertEquals(Instant.parse("2026-06-30T23:30:00Z"), change.at());
    }
}
