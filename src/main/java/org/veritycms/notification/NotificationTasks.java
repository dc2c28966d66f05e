package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.scheduling.ScheduledTask;

/** The outbox's scheduled work: dispatch every minute, and erase old addresses once a night. */
@ApplicationScoped
public class NotificationTasks {

    @Produces
    ScheduledTask dispatch() {
        return ScheduledTask.every(NotificationDispatchJob.NAME, NotificationDispatchJob.class, Duration.ofMinutes(1));
    }

    @Produces
    ScheduledTask retention(@ConfigProperty(name = "verity.mail.retention.cron", defaultValue = "0 15 4 * * ?") String cron,
            @ConfigProperty(name = "verity.zone", defaultValue = "Europe/London") String zone) {
        return ScheduledTask.cron(SentMessageRetentionJob.NAME, SentMessageRetentionJob.class, cron, ZoneId.of(zone), true);
    }
}
