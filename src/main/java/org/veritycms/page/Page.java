package org.veritycms.page;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A guidance page. It keeps its own rules: a page without a "When to get help" section cannot
 * be published, editing never moves "Last reviewed", and the effective review due date is always
 * the earliest of the page's own and its media items'.
 */
@Entity
@Table(name = "page")
public class Page {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "page_seq")
    @SequenceGenerator(name = "page_seq", sequenceName = "page_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id")
    private Topic topic;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(name = "body_markdown", nullable = false)
    private String bodyMarkdown;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_tier", nullable = false)
    private RiskTier riskTier;

    @Column(nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "comment_policy", nullable = false)
    private CommentPolicy commentPolicy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PageStatus status;

    @Embedded
    private ReviewDates reviewDates;

    @Column(name = "effective_review_due", nullable = false)
    private LocalDate effectiveReviewDue;

    @Embedded
    private Reviewer reviewedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "expire_at")
    private Instant expireAt;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "page_evidence", joinColumns = @JoinColumn(name = "page_id"))
    @OrderColumn(name = "position")
    private List<Evidence> evidence = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "page_related", joinColumns = @JoinColumn(name = "page_id"))
    @OrderColumn(name = "position")
    @Column(name = "related_slug")
    private List<String> relatedSlugs = new ArrayList<>();

    @OneToMany(mappedBy = "page", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<MediaItem> media = new ArrayList<>();

    protected Page() {
    }

    /** A new draft with its first content and the review dates it arrives with. */
    public Page(Slug slug, Topic topic, PageSource source, String bodyHtml, String contentHash,
            ReviewDates reviewDates, Reviewer reviewedBy, Instant now) {
        this.slug = slug.value();
        this.topic = Objects.requireNonNull(topic, "topic");
        this.status = PageStatus.DRAFT;
        this.createdAt = now;
        this.reviewDates = Objects.requireNonNull(reviewDates, "review dates");
        this.reviewedBy = reviewedBy;
        applyContent(source, bodyHtml, contentHash, now);
    }

    /**
     * Saves new content. "Last updated" moves; "Last reviewed" never does. An archived page is
     * closed to edits; a page in review or approved goes back to draft, because what was approved
     * is no longer what it says.
     */
    public void revise(PageSource source, String bodyHtml, String contentHash, Instant now) {
        if (status == PageStatus.ARCHIVED) {
            throw new WorkflowRefused("An archived page cannot be edited: reopen it as a draft first");
        }
        if ((status == PageStatus.PUBLISHED || status == PageStatus.WITHDRAWN) && !source.hasWhenToGetHelpSection()) {
            throw new WorkflowRefused("A published page must keep its 'When to get help' section");
        }
        if (status == PageStatus.IN_REVIEW || status == PageStatus.APPROVED) {
            status = PageStatus.DRAFT;
            publishAt = null;
        }
        applyContent(source, bodyHtml, contentHash, now);
    }

    /** DRAFT to IN_REVIEW: the author asks for review. The page must already say when to get help. */
    public void submitForReview() {
        requireStatus("submitted for review", PageStatus.DRAFT);
        requireHelpSection("submitted for review");
        status = PageStatus.IN_REVIEW;
    }

    /** IN_REVIEW to APPROVED. Who may approve is the workflow's rule, not the page's. */
    public void approve() {
        requireStatus("approved", PageStatus.IN_REVIEW);
        status = PageStatus.APPROVED;
    }

    /** IN_REVIEW or APPROVED back to DRAFT, for more work. */
    public void returnToDraft() {
        requireStatus("returned to draft", PageStatus.IN_REVIEW, PageStatus.APPROVED);
        status = PageStatus.DRAFT;
        publishAt = null;
    }

    /**
     * APPROVED to PUBLISHED, now or, when {@code from} lies ahead, at that time (the page stays
     * approved until the scheduled-publishing job or the read path makes it live).
     */
    public void publishApproved(Instant now, Instant from) {
        requireStatus("published", PageStatus.APPROVED);
        if (from != null && from.isAfter(now)) {
            schedule(from, expireAt);
        } else {
            publish(now);
        }
    }

    /** PUBLISHED to WITHDRAWN: an editor takes the page down (readers get 410). */
    public void withdrawPublished() {
        requireStatus("withdrawn", PageStatus.PUBLISHED);
        status = PageStatus.WITHDRAWN;
    }

    /** To ARCHIVED: kept for the record, closed to edits, never shown. */
    public void archiveByEditor() {
        requireStatus("archived", PageStatus.DRAFT, PageStatus.PUBLISHED, PageStatus.WITHDRAWN);
        status = PageStatus.ARCHIVED;
        publishAt = null;
    }

    /** WITHDRAWN or ARCHIVED back to DRAFT, to be reworked and reviewed again before it returns. */
    public void reopen() {
        requireStatus("reopened", PageStatus.WITHDRAWN, PageStatus.ARCHIVED);
        status = PageStatus.DRAFT;
        publishAt = null;
    }

    private void requireStatus(String step, PageStatus... allowed) {
        for (PageStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new WorkflowRefused("A page that is " + status.label().toLowerCase(java.util.Locale.ROOT)
                + " cannot be " + step);
    }

    private void requireHelpSection(String step) {
        if (!toSource().hasWhenToGetHelpSection()) {
            throw new WorkflowRefused("A page without a '## When to get help' section cannot be " + step);
        }
    }

    private void applyContent(PageSource source, String html, String hash, Instant now) {
        this.title = source.title().strip();
        this.summary = source.summary().strip();
        this.bodyMarkdown = source.bodyMarkdown();
        this.bodyHtml = Objects.requireNonNull(html, "body html");
        this.riskTier = source.tier();
        this.owner = source.owner();
        this.commentPolicy = source.commentPolicy();
        this.evidence.clear();
        this.evidence.addAll(source.evidence());
        this.relatedSlugs.clear();
        source.relatedSlugs().stream().filter(s -> !s.equals(slug)).distinct().forEach(relatedSlugs::add);
        replaceMedia(source.media());
        this.contentHash = hash;
        this.updatedAt = now;
    }

    private void replaceMedia(List<MediaSource> sources) {
        int i = 0;
        for (; i < sources.size(); i++) {
            if (i < media.size()) {
                media.get(i).describe(sources.get(i));
                media.get(i).moveTo(i);
            } else {
                media.add(new MediaItem(this, i, sources.get(i)));
            }
        }
        while (media.size() > sources.size()) {
            media.remove(media.size() - 1);
        }
        refreshEffectiveReviewDue();
    }

    /** Publishes now, refusing a page that does not say when to get help. */
    public void publish(Instant now) {
        requireHelpSection("published");
        this.status = PageStatus.PUBLISHED;
        if (publishedAt == null) {
            publishedAt = now;
        }
        this.publishAt = null;
    }

    /** Sets new review dates after a review; only the review feature calls this. */
    public void recordReviewDates(ReviewDates dates, Reviewer reviewer) {
        this.reviewDates = Objects.requireNonNull(dates, "review dates");
        if (reviewer != null) {
            this.reviewedBy = reviewer;
        }
        refreshEffectiveReviewDue();
    }

    /** Takes the page off the site. */
    public void withdraw() {
        this.status = PageStatus.WITHDRAWN;
    }

    /** Sets when the page goes live (an approved page) and when it comes down; null for no limit. */
    public void schedule(Instant publishFrom, Instant expireFrom) {
        if (publishFrom != null && expireFrom != null && !expireFrom.isAfter(publishFrom)) {
            throw new WorkflowRefused("A page must expire after it is published");
        }
        this.publishAt = publishFrom;
        this.expireAt = expireFrom;
    }

    /** Takes a page off the site at the end of its publication window. */
    public void archive() {
        this.status = PageStatus.ARCHIVED;
    }

    /** Puts a withdrawn page back, as after a full review. */
    public void restore() {
        if (status == PageStatus.WITHDRAWN) {
            this.status = PageStatus.PUBLISHED;
        }
    }

    void refreshEffectiveReviewDue() {
        LocalDate earliest = reviewDates.nextReviewDue();
        for (MediaItem item : media) {
            LocalDate due = item.reviewDates().nextReviewDue();
            if (due.isBefore(earliest)) {
                earliest = due;
            }
        }
        this.effectiveReviewDue = earliest;
    }

    /** Whether a reader may see the page at this instant: published, and inside its publish window. */
    public boolean isVisibleAt(Instant now) {
        return status == PageStatus.PUBLISHED
                && (publishAt == null || !publishAt.isAfter(now))
                && (expireAt == null || expireAt.isAfter(now));
    }

    public PageSource toSource() {
        return new PageSource(title, summary, bodyMarkdown, riskTier, owner, commentPolicy,
                relatedSlugs, evidence, media.stream().map(MediaItem::toSource).toList());
    }

    public Long id() { return id; }
    public String slug() { return slug; }
    public Topic topic() { return topic; }
    public String title() { return title; }
    public String summary() { return summary; }
    public String bodyMarkdown() { return bodyMarkdown; }
    public String bodyHtml() { return bodyHtml; }
    public RiskTier riskTier() { return riskTier; }
    public String owner() { return owner; }
    public CommentPolicy commentPolicy() { return commentPolicy; }
    public PageStatus status() { return status; }
    public ReviewDates reviewDates() { return reviewDates; }
    public LocalDate effectiveReviewDue() { return effectiveReviewDue; }
    public Reviewer reviewedBy() { return reviewedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant publishedAt() { return publishedAt; }
    public Instant publishAt() { return publishAt; }
    public Instant expireAt() { return expireAt; }
    public String contentHash() { return contentHash; }
    public long version() { return version; }
    public List<Evidence> evidence() { return Collections.unmodifiableList(evidence); }
    public List<String> relatedSlugs() { return Collections.unmodifiableList(relatedSlugs); }
    public List<MediaItem> media() { return Collections.unmodifiableList(media); }
}
