package org.veritycms.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock: the system clock in the configured zone, which a test may pin to an
 * instant or move forward so that date and time rules are checked by moving time, never by waiting.
 */
public final class VerityClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> pinned;
    private final AtomicReference<Duration> offset;

    public VerityClock(ZoneId zone) {
        this(zone, new AtomicReference<>(), new AtomicReference<>(Duration.ZERO));
    }

    private VerityClock(ZoneId zone, AtomicReference<Instant> pinned, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.pinned = pinned;
        this.offset = offset;
    }

    /** Pins the clock to an instant, dropping any shift made by {@link #advance} (tests only). */
    public void pin(Instant instant) {
        offset.set(Duration.ZERO);
        pinned.set(instant);
    }

    /** Moves the clock forward, pinned or running, by {@code by} (tests only). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Pins the clock to the start of a day in the clock's zone (tests only). */
    public void pin(LocalDate day) {
        pin(day.atStartOfDay(zone).toInstant().plusSeconds(9 * 3600));
    }

    /** Returns to the system time, unpinned and unshifted. */
    public void release() {
        pinned.set(null);
        offset.set(Duration.ZERO);
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
        return new VerityClock(other, pinned, offset);
    }

    @Override
    public Instant instant() {
        Instant fixed = pinned.get();
        return (fixed != null ? fixed : Instant.now()).plus(offset.get());
    }
}
