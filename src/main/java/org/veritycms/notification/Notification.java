package org.veritycms.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One message waiting in the outbox, sent, or given up on after repeated failures. */
@Entity
@Table(name = "notification")
public class Notification {

    /** Where a message stands. */
    public enum Status { PENDING, SENT, FAILED }

    /** Attempts while the mail server is unreachable or answers "try later" (4xx): about three days. */
    static final int MAX_ATTEMPTS = 20;

    /** Attempts when the server refuses the message for good (5xx, an address it does not know). */
    static final int MAX_REFUSED_ATTEMPTS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;

    @Column(name = "dedupe_key", nullable = false, unique = true, updatable = false)
    private String dedupeKey;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    protected Notification() {
    }

    public Notification(String dedupeKey, String kind, String recipient, String subject, String body, Instant now) {
        this.dedupeKey = dedupeKey;
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
        attempts++;
        lastError = null;
    }

    /**
     * A failed attempt: retry after 1, 2, 4 ... minutes (at most 6 hours). A mail server that is
     * down or busy is waited for about three days; a refusal for good ends it after three attempts.
     */
    void failed(String error, boolean refused, Instant now) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= (refused ? MAX_REFUSED_ATTEMPTS : MAX_ATTEMPTS)) {
            status = Status.FAILED;
        } else {
            long minutes = Math.min(360, 1L << (attempts - 1));
            nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
        }
    }

    public Long id() { return id; }
    public String dedupeKey() { return dedupeKey; }
    public String kind() { return kind; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public Instant createdAt() { return createdAt; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant sentAt() { return sentAt; }
    public String lastError() { return lastError; }
}
