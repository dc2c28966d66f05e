package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** A video, image or audio item on a page, reviewed on its own schedule. */
@Entity
@Table(name = "media_item")
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

    @Embedded
    private ReviewDates reviewDates;

    protected MediaItem() {
    }

    MediaItem(Page page, int position, MediaSource source) {
        this.page = page;
        this.position = position;
        describe(source);
    }

    final void describe(MediaSource source) {
        this.kind = source.kind();
        this.title = source.title().strip();
        this.src = source.src().strip();
        this.altText = source.altText();
        this.transcript = source.transcript();
        this.reviewDates = source.reviewDates();
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    /** Records a media review: the page's effective due date follows. */
    public void recordReview(ReviewDates dates) {
        this.reviewDates = dates;
        page.refreshEffectiveReviewDue();
    }

    public MediaSource toSource() {
        return new MediaSource(kind, title, src, altText, transcript, reviewDates);
    }

    public Long id() {
        return id;
    }

    public Page page() {
        return page;
    }

    public int position() {
        return position;
    }

    public MediaKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String src() {
        return src;
    }

    public String altText() {
        return altText;
    }

    public String transcript() {
        return transcript;
    }

    public ReviewDates reviewDates() {
        return reviewDates;
    }
}
