package org.veritycms.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class VerityClockTest {

    private final VerityClock clock = new VerityClock(ZoneId.of("Europe/London"));
    private final Instant noon = Instant.parse("2024-02-29T12:00:00Z");

    @Test
    void advancingAPinnedClockMovesItByExactlyThatMuch() {
        clock.pin(noon);
        clock.advance(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(noon.plusSeconds(5), clock.instant());
    }

    @Test
    void advancingARunningClockPutsItAheadOfTheSystemClock() {
        clock.advance(Duration.ofDays(2));
        Instant shifted = clock.instant();
        assertTrue(shifted.isAfter(Instant.now().plus(Duration.ofDays(2)).minusSeconds(60)), shifted.toString());
        assertEquals(LocalDate.now(ZoneId.of("Europe/London")).plusDays(2), clock.today());
    }

    @Test
    void pinningDropsAnEarlierShiftAndReleaseClearsBoth() {
        clock.advance(Duration.ofHours(3));
        clock.pin(noon);
        assertEquals(noon, clock.instant());
        clock.advance(Duration.ofHours(1));
        clock.release();
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().toSeconds() < 60, "back on the system time");
    }

    @Test
    void aZonedCopySharesTheShift() {
        clock.pin(noon);
        var utc = clock.withZone(ZoneId.of("UTC"));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(noon.plusSeconds(600), utc.instant());
    }

    @Test
    void theClockNeverMovesBackwards() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
}
