package org.veritycms.moderation;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.ApplicationReady;

/**
 * Sends the daily digest once the configured time of day ({@code verity.comments.digest-time},
 * in the site's zone) has passed. Checked every ten minutes; a day's digest is written once per
 * moderator however many nodes check, since each looks for what was already written.
 */
@ApplicationScoped
public class DigestSchedule {

    private static final Logger LOG = Logger.getLogger(DigestSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    ModerationDigest digest;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.comments.digest-time", defaultValue = "07:00")
    String digestTime;

    private volatile ScheduledFuture<?> task;
    private volatile LocalDate lastDone;

    void start(@Observes ApplicationReady ready) {
        LocalTime at = LocalTime.parse(digestTime);
        task = executor.scheduleAtFixedRate(() -> check(at), 1, 10, TimeUnit.MINUTES);
    }

    void check(LocalTime at) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.toLocalTime().isBefore(at) || now.toLocalDate().equals(lastDone)) {
            return;
        }
        try {
            int written = digest.send(now.toLocalDate());
            lastDone = now.toLocalDate();
            if (written > 0) {
                LOG.info(() -> "Moderation digest for " + now.toLocalDate() + " written for " + written + " moderator(s)");
            }
        } catch (RuntimeException e) {
            // another node may have written it at the same moment; the next check tries again
            LOG.log(Level.WARNING, "Moderation digest not written this time: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }
}
