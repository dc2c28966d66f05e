package org.veritycms.scheduling;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.quartz.Job;

/**
 * A job a feature wants run: by cron expression in a zone, or every so many seconds. A feature
 * declares one by producing it as a CDI bean.
 */
public record ScheduledTask(String name, Class<? extends Job> job, String cron, ZoneId zone, Duration every,
        boolean runAtStartupWhenMissed) {

    public ScheduledTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(job, "job");
        if ((cron == null) == (every == null)) {
            throw new IllegalArgumentException("A task runs by cron or by interval, not both");
        }
    }

    public static ScheduledTask cron(String name, Class<? extends Job> job, String cron, ZoneId zone, boolean catchUp) {
        return new ScheduledTask(name, job, cron, zone, null, catchUp);
    }

    public static ScheduledTask every(String name, Class<? extends Job> job, Duration every) {
        return new ScheduledTask(name, job, null, null, every, false);
    }

    /** How long one period is, for lateness: a day for daily cron jobs. */
    public Duration interval() {
        return every != null ? every : Duration.ofDays(1);
    }
}
