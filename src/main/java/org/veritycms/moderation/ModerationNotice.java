package org.veritycms.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/** An e-mail moderation wants sent: written in the transaction of the decision, delivered after. */
@Entity
@Immutable
@Table(name = "moderation_notice")
public class ModerationNotice {

    /** What the e-mail is about. */
    public enum Kind { SAFEGUARDING_ALERT, COMMENT_REJECTED, DAILY_DIGEST }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_notice_seq")
    @SequenceGenerator(name = "moderation_notice_seq", sequenceName = "moderation_notice_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "comment_id", updatable = false)
    private Long commentId;

    /** The day a digest covers: at most one digest per recipient and day. */
    @Column(name = "digest_day", updatable = false)
    private LocalDate digestDay;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ModerationNotice() {
    }

    public ModerationNotice(Kind kind, String recipient, String subject, String body, Long commentId, LocalDate digestDay,
            Instant now) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.subject = subject.length() > 400 ? subject.substring(0, 400) : subject;
        this.body = body.length() > 20000 ? body.substring(0, 20000) : body;
        this.commentId = commentId;
        this.digestDay = digestDay;
        this.createdAt = now;
    }

    public Long id() { return id; }
    public Kind kind() { return kind; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public Long commentId() { return commentId; }
    public LocalDate digestDay() { return digestDay; }
    public Instant createdAt() { return createdAt; }
}
