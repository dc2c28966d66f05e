package org.veritycms.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.veritycms.page.Topic;

/**
 * A reader's confirmed wish for the monthly e-mail about one topic. Only a confirmed request ever
 * becomes a row: an address that was never confirmed is never stored here.
 */
@Entity
@Table(name = "topic_subscription")
public class TopicSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_subscription_seq")
    @SequenceGenerator(name = "topic_subscription_seq", sequenceName = "topic_subscription_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String email;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id", updatable = false)
    private Topic topic;

    @Column(name = "confirmed_at", nullable = false, updatable = false)
    private Instant confirmedAt;

    protected TopicSubscription() {
    }

    /** Made only when the reader confirms, from the confirmation link's signed request. */
    TopicSubscription(EmailAddress email, Topic topic, Instant confirmedAt) {
        this.email = email.value();
        this.topic = Objects.requireNonNull(topic, "topic");
        this.confirmedAt = Objects.requireNonNull(confirmedAt, "confirmed at");
    }

    public Long id() { return id; }
    public String email() { return email; }
    public Topic topic() { return topic; }
    public Instant confirmedAt() { return confirmedAt; }
}
