package org.veritycms.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What the database holds about an e-mail address: subscriptions, and messages in the outbox. */
@ApplicationScoped
public class SubscriptionProbe {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    public long subscriptions(String email) {
        return em.createQuery("select count(s) from TopicSubscription s where s.email = :e", Long.class)
                .setParameter("e", email).getSingleResult();
    }

    public long outboxMessagesTo(String email) {
        return em.createQuery("select count(n) from Notification n where n.recipient = :e", Long.class)
                .setParameter("e", email).getSingleResult();
    }
}
