package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Puts messages in the outbox. The dedupe key makes enqueueing idempotent: the same key twice is
 * one message, whichever node or re-run asks.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Enqueues the message unless one with this key exists, in the caller's transaction; returns the
     * message either way. The insert skips a taken key instead of failing on it, so two scans or
     * nodes enqueueing the same message at once both succeed and one message is queued: the second
     * waits for the first's commit and then finds its row.
     */
    @Transactional
    public Notification enqueue(String dedupeKey, String kind, String recipient, String subject, String body) {
        Notification n = new Notification(dedupeKey, kind, recipient, subject, body, clock.instant());
        em.createNativeQuery("insert into notification (id, dedupe_key, kind, recipient, subject, body, status, attempts,"
                        + " created_at, next_attempt_at) values (nextval('notification_seq'), ?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7)"
                        + " on conflict do nothing")
                .setParameter(1, n.dedupeKey()).setParameter(2, n.kind()).setParameter(3, n.recipient())
                .setParameter(4, n.subject()).setParameter(5, n.body()).setParameter(6, n.status().name())
                .setParameter(7, n.createdAt()).executeUpdate();
        return find(dedupeKey).orElseThrow();
    }

    public Optional<Notification> find(String dedupeKey) {
        return em.createQuery("select n from Notification n where n.dedupeKey = :k", Notification.class)
                .setParameter("k", dedupeKey).getResultStream().findFirst();
    }

    /** Messages due for an attempt, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return em.createQuery("select n.id from Notification n where n.status = :s and n.nextAttemptAt <= :now"
                        + " order by n.nextAttemptAt, n.id", Long.class)
                .setParameter("s", Notification.Status.PENDING).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public List<Notification> recent(int limit) {
        return em.createQuery("select n from Notification n order by n.createdAt desc, n.id desc", Notification.class)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Deletes messages of a kind once delivered or given up on, and any of them created before the
     * instant: for mail whose recipient must not be kept (confirmation links to unconfirmed addresses).
     */
    @Transactional
    public int forget(String kind, Instant createdBefore) {
        return em.createQuery("delete from Notification n where n.kind = :kind and (n.status <> :pending or n.createdAt < :before)")
                .setParameter("kind", kind).setParameter("pending", Notification.Status.PENDING)
                .setParameter("before", createdBefore).executeUpdate();
    }
}
