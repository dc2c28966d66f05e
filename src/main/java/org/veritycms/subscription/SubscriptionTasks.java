package org.veritycms.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.scheduling.ScheduledTask;

/** The topic e-mails' scheduled work: the daily digest run and the outbox clean-up of confirmation mail. */
@ApplicationScoped
public class SubscriptionTasks {

    @Produces
    ScheduledTask digest(@ConfigProperty(name = "verity.subscriptions.digest.cron", defaultValue = "0 0 7 * * ?") String cron,
            @ConfigProperty(name = "verity.zone", defaultValue = "Europe/London") String zone) {
        return ScheduledTask.cron(TopicDigestJob.NAME, TopicDigestJob.class, cron, ZoneId.of(zone), true);
    }

    @Produces
    ScheduledTask cleanup() {
        return ScheduledTask.every(ConfirmationCleanupJob.NAME, ConfirmationCleanupJob.class, Duration.ofMinutes(10));
    }
}
