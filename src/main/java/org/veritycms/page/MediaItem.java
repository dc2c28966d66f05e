package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
import java.util.Objects;

/**
 * A video, image or audio item on a live page, reviewed on its own schedule. Its revision counts
 * the versions of its content: a media sign-off names the revision it reviewed, so a reviewer's
 * record always says exactly which file, alt text and transcript they saw.
 */
@Entity
@Table(name = "media_item")
@EntityListeners(PageChangeListener.class)
public class MediaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_item_seq")
    @SequenceGenerator(name = "media_item_seq", sequenceName = "media_item_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "page_id")
    private Page page;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MediaKind kind;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String src;

    @Column(name = "alt_text")
    private String altText;

    private String transcript;

    @Column(nullable = false)
    private boolean decorative;

    @Column(name = "content_revision", nullable = false)
    private int revision;

    @Embedded
    private ReviewDates reviewDates;

    protected MediaItem() {
    }

    MediaItem(Page page, int position, MediaSource source, ReviewDates dates) {
        this.page = page;
        this.position = position;
        this.revision = 1;
        apply(source);
        this.reviewDates = Objects.requireNonNull(dates, "media review dates");
    }

    /**
     * New content for this item. The same content keeps its revision and dates; anything else is a
     * new revision, with the dates of the review that covered it.
     */
    void describe(MediaSource source, ReviewDates datesIfChanged) {
        if (source.equals(toSource())) {
            return;
        }
        apply(source);
        revision++;
        this.reviewDates = Objects.requireNonNull(datesIfChanged, "media review dates");
    }

    private void apply(MediaSource source) {
        this.kind = source.kind();
        this.title = source.title();
        this.src = source.src();
        this.altText = source.altText();
        this.transcript = source.transcript();
        this.decorative = source.decorative();
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    /**
     * Records a media review of this exact revision: the page's effective due date follows.
     * A review of an older revision of the item is refused.
     */
    public void recordReview(ReviewRecord review) {
        if (review.mediaItemId() == null || !review.mediaItemId().equals(id)) {
            throw new IllegalArgumentException("The review is not of this media item");
        }
        if (review.mediaRevision() == null || review.mediaRevision() != revision) {
            throw new WorkflowRefused("Media item '" + title + "' has changed since revision " + review.mediaRevision()
                    + "; it is now at revision " + revision);
        }
        if (review.kind().resetsDates()) {
            this.reviewDates = new ReviewDates(review.reviewedOn(), review.nextReviewDue());
            page.refreshEffectiveReviewDue();
        }
    }

    /** Sets dates read from a content file (import only). */
    void importDates(ReviewDates dates) {
        this.reviewDates = Objects.requireNonNull(dates, "media review dates");
    }

    public MediaSource toSource() {
        return new MediaSource(kind, title, src, altText, transcript, decorative);
    }

    /** SHA-256 of this item's content, as its sign-off pins it. */
    public String contentHash() {
        return PageDocument.mediaHash(toSource());
    }

    public Long id() { return id; }
    public Page page() { return page; }
    public int position() { return position; }
    public MediaKind kind() { return kind; }
    public String title() { return title; }
    public String src() { return src; }
    public String altText() { return altText; }
    public String transcript() { return transcript; }
    public boolean decorative() { return decorative; }
    public int revision() { return revision; }
    public ReviewDates reviewDates() { return reviewDates; }
}
