package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.veritycms.scheduling.ScheduledTask;

/** The outbox's scheduled work: dispatch every minute. */
@ApplicationScoped
public class NotificationTasks {

    @Produces
    ScheduledTask dispatch() {
        return ScheduledTask.every(NotificationDispatchJob.NAME, NotificationDispatchJob.class, Duration.ofMinutes(1));
    }
}
