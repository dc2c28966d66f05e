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
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.veritycms.comment.CommentStatus;

/** One decision about a comment: who, what, when, why, and the status before and after. Never changed. */
@Entity
@Immutable
@Table(name = "moderation_log")
public class ModerationLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_log_seq")
    @SequenceGenerator(name = "moderation_log_seq", sequenceName = "moderation_log_seq", allocationSize = 50)
    private Long id;

    @Column(name = "comment_id", nullable = false, updatable = false)
    private long commentId;

    @Column(name = "page_slug", nullable = false, updatable = false)
    private String pageSlug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ModerationAction action;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", updatable = false)
    private CommentStatus statusBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, updatable = false)
    private CommentStatus statusAfter;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ModerationLogEntry() {
    }

    public ModerationLogEntry(long commentId, String pageSlug, ModerationAction action, String actor,
            CommentStatus statusBefore, CommentStatus statusAfter, String reason, String note, Instant at) {
        this.commentId = commentId;
        this.pageSlug = Objects.requireNonNull(pageSlug, "page slug");
        this.action = Objects.requireNonNull(action, "action");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.statusBefore = statusBefore;
        this.statusAfter = Objects.requireNonNull(statusAfter, "status after");
        this.reason = cut(reason, 400);
        this.note = cut(note, 2000);
        this.createdAt = Objects.requireNonNull(at, "time");
    }

    private static String cut(String s, int max) {
        return s == null || s.isBlank() ? null : s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() { return id; }
    public long commentId() { return commentId; }
    public String pageSlug() { return pageSlug; }
    public ModerationAction action() { return action; }
    public String actor() { return actor; }
    public CommentStatus statusBefore() { return statusBefore; }
    public CommentStatus statusAfter() { return statusAfter; }
    public String reason() { return reason; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt; }
}
