package org.veritycms.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock: the system clock in the configured zone, which an in-container test
 * may pin to an instant so that date rules are checked by moving time, never by waiting.
 */
public final class VerityClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> pinned;

    public VerityClock(ZoneId zone) {
        this(zone, new AtomicReference<>());
    }

    private VerityClock(ZoneId zone, AtomicReference<Instant> pinned) {
        this.zone = zone;
        this.pinned = pinned;
    }

    /** Pins the clock to an instant (tests only). */
    public void pin(Instant instant) {
        pinned.set(instant);
    }

    /** Pins the clock to the start of a day in the clock's zone (tests only). */
    public void pin(LocalDate day) {
        pin(day.atStartOfDay(zone).toInstant().plusSeconds(9 * 3600));
    }

    /** Returns to the system time. */
    public void release() {
        pinned.set(null);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new VerityClock(other, pinned);
    }

    @Override
    public Instant instant() {
        Instant fixed = pinned.get();
        return fixed != null ? fixed : Instant.now();
    }
}
