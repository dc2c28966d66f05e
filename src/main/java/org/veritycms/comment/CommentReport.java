package org.veritycms.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.hibernate.annotations.Immutable;

/**
 * One reader's report that a comment is offensive or unsuitable; a reader reports a comment once.
 * It keeps a keyed hash of the reporter's address, so that reports from one address count once.
 */
@Entity
@Immutable
@Table(name = "comment_report")
public class CommentReport {

    public static final int MAX_NOTE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_report_seq")
    @SequenceGenerator(name = "comment_report_seq", sequenceName = "comment_report_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comment_id", updatable = false)
    private Comment comment;

    @Column(name = "reader_id", nullable = false, updatable = false)
    private String readerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReportReason reason;

    @Column(updatable = false)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** A keyed hash of the network address the report came from (never the address itself). */
    @Column(name = "address_hash", updatable = false)
    private String addressHash;

    protected CommentReport() {
    }

    public CommentReport(Comment comment, String readerId, String addressHash, ReportReason reason, String note, Instant now) {
        this.comment = Objects.requireNonNull(comment, "comment");
        this.readerId = Objects.requireNonNull(readerId, "reader id");
        this.addressHash = Objects.requireNonNull(addressHash, "address hash");
        this.reason = Objects.requireNonNull(reason, "reason");
        String cleaned = note == null ? "" : CommentBody.clean(note).strip();
        if (cleaned.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note is at most " + MAX_NOTE + " characters");
        }
        this.note = cleaned.isEmpty() ? null : cleaned;
        this.createdAt = now;
    }

    public Long id() { return id; }
    public Comment comment() { return comment; }
    public String readerId() { return readerId; }
    public ReportReason reason() { return reason; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt; }
    public String addressHash() { return addressHash; }
}
