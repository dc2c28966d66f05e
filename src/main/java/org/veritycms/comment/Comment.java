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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.veritycms.page.Page;
import org.veritycms.shared.ProblemException;

/**
 * A reader's comment on a page. It keeps its own rules: replies go one level deep, only a
 * published comment is shown, each decision moves the status along an allowed path, and a
 * comment a moderator approved needs more new reports before readers can hide it again.
 */
@Entity
@Table(name = "reader_comment")
public class Comment {

    /** Who decided a comment the screens refused on arrival. */
    public static final String SCREENING = "screening";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reader_comment_seq")
    @SequenceGenerator(name = "reader_comment_seq", sequenceName = "reader_comment_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "page_id", updatable = false)
    private Page page;

    /** The top-level comment this one replies to; replies never nest deeper. */
    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    /** Only ever used to tell the author about a decision; never shown. */
    @Column(name = "author_email", updatable = false)
    private String authorEmail;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "body_hash", nullable = false, updatable = false)
    private String bodyHash;

    @Column(name = "reader_id", nullable = false, updatable = false)
    private String readerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommentStatus status = CommentStatus.PENDING;

    /** Codes of the screens (and rules) that held or refused it, as {@code ,code,code,} for filtering. */
    @Column(name = "screen_reasons", nullable = false)
    private String screenReasons = ",";

    @Column(name = "screen_notes")
    private String screenNotes;

    /** A safeguarding screen matched: a moderator must see it first. */
    @Column(nullable = false)
    private boolean urgent;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "moderator_approved", nullable = false)
    private boolean moderatorApproved;

    /** Distinct readers' reports since a moderator last looked at it. */
    @Column(name = "reports_since_review", nullable = false)
    private int reportsSinceReview;

    @Version
    private long version;

    protected Comment() {
    }

    /**
     * A new comment, waiting for the screens' verdict. A reply to a reply is attached to the
     * top-level comment, so that threads stay one level deep.
     */
    public Comment(Page page, Comment parent, Author author, String body, String readerId, Instant now) {
        this.page = Objects.requireNonNull(page, "page");
        if (parent != null) {
            if (parent.page != page && (page.id() == null || !page.id().equals(parent.page.id()))) {
                throw new IllegalArgumentException("A reply belongs to the same page as its comment");
            }
            this.parentId = parent.parentId != null ? parent.parentId : Objects.requireNonNull(parent.id, "parent id");
        }
        this.authorName = author.name();
        this.authorEmail = author.email();
        this.body = CommentBody.check(body);
        this.bodyHash = CommentBody.fingerprint(this.body);
        this.readerId = Objects.requireNonNull(readerId, "reader id");
        this.createdAt = now;
    }

    /** Notes why the screens held or refused it. */
    public void recordScreening(Collection<String> reasonCodes, String notes, boolean safeguarding) {
        this.screenReasons = reasonCodes.isEmpty() ? "," : "," + String.join(",", reasonCodes) + ",";
        this.screenNotes = notes == null || notes.isBlank() ? null : truncate(notes, 2000);
        this.urgent = safeguarding;
    }

    /** The screens passed it on a page that publishes first: it goes up at once. */
    public void publishOnArrival() {
        requireNew();
        this.status = CommentStatus.PUBLISHED;
    }

    /** The screens refused it; it is kept so a moderator can restore it. */
    public void refuseOnArrival(Instant now) {
        requireNew();
        this.status = CommentStatus.REJECTED;
        this.decidedAt = now;
        this.decidedBy = SCREENING;
    }

    public void approve(String moderator, Instant now) {
        move(EnumSet.of(CommentStatus.PENDING, CommentStatus.HIDDEN), CommentStatus.PUBLISHED, moderator, now);
        approved();
    }

    public void reject(String moderator, String reasonCode, Instant now) {
        move(EnumSet.of(CommentStatus.PENDING, CommentStatus.HIDDEN, CommentStatus.PUBLISHED), CommentStatus.REJECTED,
                moderator, now);
        this.rejectionReason = reasonCode;
    }

    public void markSpam(String moderator, Instant now) {
        move(EnumSet.complementOf(EnumSet.of(CommentStatus.SPAM)), CommentStatus.SPAM, moderator, now);
    }

    /** Undoes a rejection or a spam mark: the comment goes back up, as approved. */
    public void restore(String moderator, Instant now) {
        move(EnumSet.of(CommentStatus.REJECTED, CommentStatus.SPAM), CommentStatus.PUBLISHED, moderator, now);
        this.rejectionReason = null;
        approved();
    }

    /**
     * Counts one more reader's report. A published comment is hidden once the reports since a
     * moderator last looked reach the threshold: the higher one when a moderator approved it.
     *
     * @return whether this report hid the comment
     */
    public boolean countReport(int reportsToHide, int reportsToHideApproved) {
        reportsSinceReview++;
        int threshold = moderatorApproved ? reportsToHideApproved : reportsToHide;
        if (status == CommentStatus.PUBLISHED && reportsSinceReview >= threshold) {
            status = CommentStatus.HIDDEN;
            return true;
        }
        return false;
    }

    private void approved() {
        this.moderatorApproved = true;
        this.reportsSinceReview = 0;
    }

    private void move(Set<CommentStatus> from, CommentStatus to, String moderator, Instant now) {
        if (!from.contains(status)) {
            throw ProblemException.conflict("comment-status", "Comment " + id + " is " + status.name().toLowerCase()
                    + " and cannot become " + to.name().toLowerCase() + ".");
        }
        this.status = to;
        this.decidedBy = Objects.requireNonNull(moderator, "moderator");
        this.decidedAt = now;
    }

    private void requireNew() {
        if (status != CommentStatus.PENDING || decidedAt != null) {
            throw new IllegalStateException("The screens decide only on a new comment");
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public boolean isReply() {
        return parentId != null;
    }

    public boolean hasAuthorEmail() {
        return authorEmail != null;
    }

    /** The reason codes the screens gave, in order. */
    public List<String> screenReasonCodes() {
        return java.util.Arrays.stream(screenReasons.split(",")).filter(s -> !s.isEmpty()).toList();
    }

    public Long id() { return id; }
    public Page page() { return page; }
    public Long parentId() { return parentId; }
    public String authorName() { return authorName; }
    public String authorEmail() { return authorEmail; }
    public String body() { return body; }
    public String bodyHash() { return bodyHash; }
    public String readerId() { return readerId; }
    public CommentStatus status() { return status; }
    public String screenNotes() { return screenNotes; }
    public boolean urgent() { return urgent; }
    public Instant createdAt() { return createdAt; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public String rejectionReason() { return rejectionReason; }
    public boolean moderatorApproved() { return moderatorApproved; }
    public int reportsSinceReview() { return reportsSinceReview; }
}
