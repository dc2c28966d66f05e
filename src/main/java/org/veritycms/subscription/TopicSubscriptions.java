package org.veritycms.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.veritycms.page.Topic;

/** Confirmed subscriptions in the database. */
@ApplicationScoped
public class TopicSubscriptions {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    public Optional<TopicSubscription> find(long id) {
        return Optional.ofNullable(em.find(TopicSubscription.class, id));
    }

    public Optional<TopicSubscription> find(EmailAddress email, Topic topic) {
        return em.createQuery("select s from TopicSubscription s where s.email = :email and s.topic = :topic",
                        TopicSubscription.class)
                .setParameter("email", email.value()).setParameter("topic", topic).getResultStream().findFirst();
    }

    /** A topic's subscriptions confirmed before the instant, oldest first. */
    public List<TopicSubscription> confirmedBefore(Topic topic, Instant before) {
        return em.createQuery("select s from TopicSubscription s where s.topic = :topic and s.confirmedAt < :before"
                        + " order by s.id", TopicSubscription.class)
                .setParameter("topic", topic).setParameter("before", before).getResultList();
    }

    public void add(TopicSubscription subscription) {
        em.persist(subscription);
    }

    public void remove(TopicSubscription subscription) {
        em.remove(subscription);
    }
}
