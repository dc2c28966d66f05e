package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps e-mail addresses no longer than needed: once a message has been sent (or given up on) for
 * longer than the retention period ({@code verity.mail.retention-days}, 30 by default), its
 * recipient address and its text are erased. The row stays, with its kind, subject, status and
 * dates, so the operations screen still shows that it went and its dedupe key still stops the
 * same message being sent twice. Features that keep their own copy of a message erase it on
 * {@link RetentionPassed}.
 */
@ApplicationScoped
public class SentMessageRetention {

    /** What an erased address reads as. */
    public static final String ERASED = "(erased)";

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<RetentionPassed> passed;

    @Inject
    @ConfigProperty(name = "verity.mail.retention-days", defaultValue = "30")
    int retentionDays;

    /** Erases the addresses and texts of messages finished before the retention period; returns how many. */
    @Transactional
    public int eraseExpired() {
        Instant cutoff = clock.instant().minus(retention());
        int erased = em.createQuery("update Notification n set n.recipient = :erased, n.body = ''"
                        + " where n.status <> :pending and n.recipient <> :erased"
                        + " and coalesce(n.sentAt, n.createdAt) < :cutoff")
                .setParameter("erased", ERASED).setParameter("pending", Notification.Status.PENDING)
                .setParameter("cutoff", cutoff).executeUpdate();
        passed.fire(new RetentionPassed(cutoff));
        return erased;
    }

    public Duration retention() {
        return Duration.ofDays(Math.max(1, retentionDays));
    }
}
