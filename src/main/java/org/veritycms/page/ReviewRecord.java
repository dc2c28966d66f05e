package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A review, as signed: who (with profession and registration), what kind, the scope, and exactly
 * which content (revision number and SHA-256). Append-only: never updated, never deleted.
 */
@Entity
@Immutable
@Table(name = "review_record")
@EntityListeners(PageChangeListener.class)
public class ReviewRecord {

    /** The account name on reviews read from content files: they were signed before this site had them. */
    public static final String IMPORTED = "content-import";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_record_seq")
    @SequenceGenerator(name = "review_record_seq", sequenceName = "review_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "page_id", nullable = false, updatable = false)
    private long pageId;

    @Column(name = "media_item_id", updatable = false)
    private Long mediaItemId;

    @Column(name = "subject_title", nullable = false, updatable = false)
    private String subjectTitle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReviewKind kind;

    @Column(name = "reviewer_username", nullable = false, updatable = false)
    private String reviewerUsername;

    @Column(name = "reviewer_name", nullable = false, updatable = false)
    private String reviewerName;

    @Column(name = "reviewer_profession", updatable = false)
    private String reviewerProfession;

    @Column(name = "registration_number", updatable = false)
    private String registrationNumber;

    @Column(name = "scope_notes", updatable = false)
    private String scopeNotes;

    @Column(name = "revision_number", nullable = false, updatable = false)
    private int revisionNumber;

    /** The media item's content revision, for a media review. */
    @Column(name = "media_revision", updatable = false)
    private Integer mediaRevision;

    @Column(name = "content_sha256", nullable = false, updatable = false)
    private String contentSha256;

    @Column(name = "reviewed_on", nullable = false, updatable = false)
    private LocalDate reviewedOn;

    @Column(name = "next_review_due", updatable = false)
    private LocalDate nextReviewDue;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    /** The page's slug, so the change this record makes to the page's history reaches its caches. */
    @Transient
    private String pageSlug;

    protected ReviewRecord() {
    }

    /**
     * What was reviewed: a page at a revision, or one of its media items at its own revision,
     * with the SHA-256 of that exact content.
     */
    public record Subject(long pageId, String pageSlug, Long mediaItemId, Integer mediaRevision, String title,
            int revisionNumber, String contentSha256) {
        public Subject {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(contentSha256, "content hash");
            if ((mediaItemId == null) != (mediaRevision == null)) {
                throw new IllegalArgumentException("A media review names the media item and its revision");
            }
        }

        /** A page at one of its revisions. */
        public static Subject page(Page page, PageRevision revision) {
            return new Subject(page.id(), page.slug(), null, null, revision.title(), revision.number(),
                    revision.contentHash());
        }

        /** A media item as it is now, on the page's live revision. */
        public static Subject media(Page page, MediaItem item) {
            return new Subject(page.id(), page.slug(), item.id(), item.revision(), item.title(),
                    page.liveRevision() == null ? page.workingRevision() : page.liveRevision(), item.contentHash());
        }
    }

    /** Who reviewed it. */
    public record Signature(String username, String name, String profession, String registrationNumber) {
        public Signature {
            Objects.requireNonNull(username, "reviewer");
            Objects.requireNonNull(name, "reviewer name");
        }
    }

    public ReviewRecord(Subject subject, ReviewKind kind, Signature signature, String scopeNotes, LocalDate reviewedOn,
            LocalDate nextReviewDue, Instant recordedAt) {
        if (kind.resetsDates() && nextReviewDue == null) {
            throw new IllegalArgumentException("A " + kind + " review sets the next review date");
        }
        this.pageId = subject.pageId();
        this.mediaItemId = subject.mediaItemId();
        this.mediaRevision = subject.mediaRevision();
        this.pageSlug = subject.pageSlug();
        this.subjectTitle = subject.title();
        this.revisionNumber = subject.revisionNumber();
        this.contentSha256 = subject.contentSha256();
        this.kind = kind;
        this.reviewerUsername = signature.username();
        this.reviewerName = signature.name();
        this.reviewerProfession = signature.profession();
        this.registrationNumber = signature.registrationNumber();
        this.scopeNotes = scopeNotes == null || scopeNotes.isBlank() ? null : scopeNotes.strip();
        this.reviewedOn = Objects.requireNonNull(reviewedOn, "review date");
        this.nextReviewDue = kind.resetsDates() ? nextReviewDue : null;
        this.recordedAt = recordedAt;
    }

    public Long id() { return id; }
    public long pageId() { return pageId; }
    public Long mediaItemId() { return mediaItemId; }
    public Integer mediaRevision() { return mediaRevision; }
    String pageSlug() { return pageSlug; }
    /** Whether this review was read from a content file rather than signed here. */
    public boolean imported() { return IMPORTED.equals(reviewerUsername); }
    public String subjectTitle() { return subjectTitle; }
    public ReviewKind kind() { return kind; }
    public String reviewerUsername() { return reviewerUsername; }
    public String reviewerName() { return reviewerName; }
    public String reviewerProfession() { return reviewerProfession; }
    public String registrationNumber() { return registrationNumber; }
    public String scopeNotes() { return scopeNotes; }
    public int revisionNumber() { return revisionNumber; }
    public String contentSha256() { return contentSha256; }
    public LocalDate reviewedOn() { return reviewedOn; }
    public LocalDate nextReviewDue() { return nextReviewDue; }
    public Instant recordedAt() { return recordedAt; }
}
