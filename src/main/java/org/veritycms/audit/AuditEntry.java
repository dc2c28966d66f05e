package org.veritycms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/** One editorial action, as it happened. Immutable: nothing may change it once written. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "before_state", updatable = false)
    private String before;

    @Column(name = "after_state", updatable = false)
    private String after;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subject, String before,
            String after) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.subjectType = Objects.requireNonNull(subjectType);
        this.subject = Objects.requireNonNull(subject);
        this.before = before;
        this.after = after;
    }

    public Long id() { return id; }
    public Instant occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String subjectType() { return subjectType; }
    public String subject() { return subject; }
    /** The changed values before the action, as a JSON object; null when the subject is new. */
    public String before() { return before; }
    /** The changed values after the action, as a JSON object; null when the subject is gone. */
    public String after() { return after; }
}
