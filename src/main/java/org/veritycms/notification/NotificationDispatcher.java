package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends what is due in the outbox, each message in its own transaction with a row lock, so a
 * failing address never blocks the others and two nodes never send the same message.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());

    @Inject
    Outbox outbox;

    @Inject
    Delivery delivery;

    @Inject
    Clock clock;

    /** Sends due messages; returns how many were sent. */
    public int dispatch() {
        int sent = 0;
        for (Long id : outbox.due(clock.instant(), 500)) {
            if (delivery.deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** One message's attempt, in its own transaction. */
    @ApplicationScoped
    public static class Delivery {

        @PersistenceContext(unitName = "verity")
        EntityManager em;

        @Inject
        MailSender mail;

        @Inject
        Clock clock;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean deliver(long id) {
            Notification n = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (n == null || n.status() != Notification.Status.PENDING || n.nextAttemptAt().isAfter(clock.instant())) {
                return false;
            }
            try {
                mail.send(n);
                n.sent(clock.instant());
                return true;
            } catch (Exception e) {
                n.failed(MailSender.reason(e), MailSender.isRefusal(e), clock.instant());
                LOG.warning(() -> "Mail " + n.id() + " (" + n.kind() + ") not sent, attempt " + n.attempts() + ": " + e.getMessage());
                return false;
            }
        }

    }
}
