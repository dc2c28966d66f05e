package org.veritycms.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.scheduling.ScheduledTask;

/** The review feature's scheduled work: the daily scan, by cron in the configured zone. */
@ApplicationScoped
public class ReviewTasks {

    @Produces
    ScheduledTask reviewScan(@ConfigProperty(name = "verity.review.scan.cron", defaultValue = "0 30 2 * * ?") String cron,
            @ConfigProperty(name = "verity.review.scan.zone", defaultValue = "Europe/London") String zone) {
        return ScheduledTask.cron(ReviewScanJob.NAME, ReviewScanJob.class, cron, ZoneId.of(zone), true);
    }
}
