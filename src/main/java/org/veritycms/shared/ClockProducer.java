package org.veritycms.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Produces the one clock every date rule reads, in the zone review dates are kept in. */
@ApplicationScoped
public class ClockProducer {

    private final VerityClock clock;

    @Inject
    public ClockProducer(@ConfigProperty(name = "verity.zone", defaultValue = "Europe/London") String zone) {
        this.clock = new VerityClock(ZoneId.of(zone));
    }

    protected ClockProducer() {
        this.clock = null;
    }

    @Produces
    @Typed(VerityClock.class)
    VerityClock verityClock() {
        return clock;
    }

    @Produces
    Clock clock() {
        return clock;
    }
}
