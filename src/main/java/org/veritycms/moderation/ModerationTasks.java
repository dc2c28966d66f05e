package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.scheduling.ScheduledTask;

/** Moderation's scheduled work: the daily digest for moderators, at {@code verity.comments.digest-time} in the site's zone. */
@ApplicationScoped
public class ModerationTasks {

    @Produces
    ScheduledTask digest(@ConfigProperty(name = "verity.comments.digest-time", defaultValue = "07:00") String time,
            @ConfigProperty(name = "verity.zone", defaultValue = "Europe/London") String zone) {
        return ScheduledTask.cron(ModerationDigestJob.NAME, ModerationDigestJob.class, dailyAt(LocalTime.parse(time)),
                ZoneId.of(zone), false);
    }

    /** The Quartz cron expression for every day at this time of day. */
    static String dailyAt(LocalTime time) {
        return "0 " + time.getMinute() + " " + time.getHour() + " * * ?";
    }
}
