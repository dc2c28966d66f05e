package org.veritycms.page;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.Optional;
import org.veritycms.shared.ContentHash;

/**
 * A guidance page, the aggregate that owns its life-cycle. Its columns hold the <em>live</em>
 * content readers see (for a page never published, the draft being written); every save is a
 * {@link PageRevision}. It keeps its own rules:
 * <ul>
 * <li>A change to a live page is a pending revision: the live revision keeps serving, unchanged,
 *     until the change is approved by a clinical reviewer and published, or published by a
 *     second editor as a declared non-clinical correction.</li>
 * <li>Approval is a review: it names the exact revision approved, and publishing takes the review
 *     dates and reviewer from that sign-off, so "Reviewed by" is always about content that
 *     reviewer signed.</li>
 * <li>A page without a "When to get help" section cannot be submitted or published; editing never
 *     moves "Last reviewed"; the effective review due date is the earliest of the page's own
 *     and its media items'.</li>
 * <li>Every status change goes through one table ({@link Lifecycle}); a withdrawal carries its
 *     reason, and only an overdue-review withdrawal is lifted by a review.</li>
 * </ul>
 * Whenever it is written, {@link PageChangeListener} announces it.
 */
@Entity
@Table(name = "page")
@EntityListeners(PageChangeListener.class)
public class Page {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "page_seq")
    @SequenceGenerator(name = "page_seq", sequenceName = "page_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    /**
     * The content whose canonical document was written last, and that document: a save writes it
     * once for the revision and the page's hash alike. Not stored.
     */
    private record Written(PageSource source, String document) {
    }

    @jakarta.persistence.Transient
    private transient Written written;

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

    /** The revision an editor works on: the latest of the change being written, or the live one. */
    @Column(name = "working_revision", nullable = false)
    private int workingRevision;

    /** The highest revision number given so far (a discarded change keeps its numbers). */
    @Column(name = "latest_revision", nullable = false)
    private int latestRevision;

    /** The revision readers see; null until the page is first published. */
    @Column(name = "live_revision")
    private Integer liveRevision;

    /** The revision the current "Reviewed by" signed; null before the first review. */
    @Column(name = "reviewed_revision")
    private Integer reviewedRevision;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_status", nullable = false)
    private ChangeStatus change = ChangeStatus.NONE;

    /** The clinical approval of the working revision, waiting to be published with it. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "approval_id")
    private ReviewRecord approval;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_reason")
    private WithdrawalReason withdrawalReason;

    @Column(name = "withdrawal_note")
    private String withdrawalNote;

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

    /** A new draft and its first revision; its review dates wait for its first sign-off. */
    Page(Slug slug, Topic topic, PageSource source, String bodyHtml, LocalDate today, Instant now) {
        this.slug = slug.value();
        this.topic = Objects.requireNonNull(topic, "topic");
        this.status = PageStatus.DRAFT;
        this.createdAt = now;
        this.reviewDates = new ReviewDates(null, today);
        applyContent(source.withoutRelatedTo(this.slug), bodyHtml, now, item -> new ReviewDates(null, today), false);
    }

    /** The first revision of a new page. */
    PageRevision firstRevision(PageRevision.Authorship by) {
        if (latestRevision != 0) {
            throw new IllegalStateException("The page already has revisions");
        }
        latestRevision = 1;
        workingRevision = 1;
        PageSource content = toSource();
        return new PageRevision(this, 1, null, content, documentOf(content), by, createdAt);
    }

    // ------------------------------------------------------------------------------ editing

    /**
     * Saves new content as the working revision. On a live page it is a pending change and the
     * live content stays as it is; otherwise the page's own content moves (a page in review or
     * approved goes back to draft: what was approved is no longer what it says).
     */
    PageRevision revise(PageSource source, String html, PageRevision.Authorship by, LocalDate today, Instant now) {
        requireEditable();
        PageSource content = source.withoutRelatedTo(slug);
        int number = ++latestRevision;
        PageRevision revision = new PageRevision(this, number, workingRevision, content, documentOf(content), by, now);
        if (hasLiveContent()) {
            change = Lifecycle.ChangeMove.SAVE.from(change);
        } else {
            if (status == PageStatus.IN_REVIEW || status == PageStatus.APPROVED) {
                status = Lifecycle.Move.RETURN.from(status);
                publishAt = null;
            }
            applyContent(content, html, now, item -> new ReviewDates(null, today), false);
        }
        approval = null;
        workingRevision = number;
        return revision;
    }

    private void requireEditable() {
        if (status == PageStatus.ARCHIVED) {
            throw new WorkflowRefused("An archived page cannot be edited: reopen it as a draft first");
        }
        if (status == PageStatus.WITHDRAWN && !withdrawalReason.liftedByReview()) {
            throw new WorkflowRefused("A page an editor withdrew cannot be edited: reopen it as a draft first");
        }
    }

    // ------------------------------------------------------------------------------ workflow steps

    /** The author asks for review. The working copy must say when to get help. */
    public void submitForReview(PageSource workingCopy) {
        requireHelpSection(workingCopy, "submitted for review");
        if (hasLiveContent()) {
            change = Lifecycle.ChangeMove.SUBMIT.from(change);
        } else {
            status = Lifecycle.Move.SUBMIT.from(status);
        }
    }

    /**
     * A clinical reviewer approves the working revision: the approval is a FULL review pinned to
     * that exact revision, and publishing will take its dates. Who may approve is the workflow's
     * rule; that the approval is of this page's current working revision is the page's.
     */
    public void approve(ReviewRecord review) {
        if (review.kind() != ReviewKind.FULL || review.mediaItemId() != null || !Objects.equals(id, review.pageId())) {
            throw new IllegalArgumentException("An approval is a FULL review of this page");
        }
        requireWorkingRevision(review.revisionNumber());
        if (hasLiveContent()) {
            change = Lifecycle.ChangeMove.APPROVE.from(change);
        } else {
            status = Lifecycle.Move.APPROVE.from(status);
        }
        approval = review;
    }

    /** Back to draft, for more work; an approval is dropped with it. */
    public void returnToDraft() {
        if (hasLiveContent()) {
            change = Lifecycle.ChangeMove.RETURN.from(change);
        } else {
            status = Lifecycle.Move.RETURN.from(status);
            publishAt = null;
        }
        approval = null;
    }

    /**
     * Publishes the approved working revision with the review dates its approval set: now, or for
     * a page not yet live, at {@code from} when that lies ahead (the page stays approved until the
     * scheduled-publishing job or the read path makes it live). A page whose content would
     * already be past its review date is refused: sign off the overdue parts first.
     */
    public void publishApproved(Instant now, Instant from, WorkingCopy copy, LocalDate today) {
        boolean later = from != null && from.isAfter(now);
        if (hasLiveContent()) {
            if (later) {
                throw new WorkflowRefused("A change to a live page is published at once, not at a set time");
            }
            Lifecycle.ChangeMove.PUBLISH.from(change);
        } else {
            Lifecycle.Move.PUBLISH.from(status);
            if (later) {
                schedule(from, expireAt);
                return;
            }
        }
        goLiveApproved(copy, now, today, Lifecycle.Move.PUBLISH);
    }

    /**
     * Publishes a change declared non-clinical (spelling, a broken link, formatting) without a
     * clinical approval. "Reviewed by" stays with the revision that was reviewed, and the page is
     * marked as changed since its review. Such a change may not bring new media or replace a file
     * or transcript: a reviewer must see those. Who may publish it is the workflow's rule.
     */
    public void publishCorrection(WorkingCopy copy, Instant now, LocalDate today) {
        if (!hasLiveContent() || status != PageStatus.PUBLISHED) {
            throw new WorkflowRefused("Only a change to a live page can be published as a non-clinical correction");
        }
        Lifecycle.ChangeMove.PUBLISH_CORRECTION.from(change);
        requireWorkingRevision(copy.revision());
        requireHelpSection(copy.source(), "published");
        for (MediaSource item : copy.source().media()) {
            if (media.stream().noneMatch(m -> m.toSource().sameFileAs(item))) {
                throw new WorkflowRefused("Media item '" + item.title() + "' is new or changed its file or transcript:"
                        + " send the change for clinical review");
            }
        }
        if (effectiveReviewDue.isBefore(today)) {
            throw new WorkflowRefused("The page is past its review date (" + effectiveReviewDue
                    + "): it needs a clinical review before any change is published");
        }
        applyContent(copy.source(), copy.html(), now, MediaItem::reviewDates, false);
        liveRevision = workingRevision;
        change = ChangeStatus.NONE;
        approval = null;
    }

    /** Drops the change waiting over a live page: the live revision becomes the working one again. */
    public void discardChange() {
        if (!hasLiveContent()) {
            throw new WorkflowRefused("Only a change to a live page can be discarded");
        }
        change = Lifecycle.ChangeMove.DISCARD.from(change);
        workingRevision = liveRevision;
        approval = null;
    }

    /** An editor takes the page down, saying why (readers get 410). Only reopening brings it back. */
    public void withdrawByEditor(WithdrawalReason reason, String note) {
        if (reason == null || reason.liftedByReview()) {
            throw new IllegalArgumentException("An editor withdraws a page for an editorial or a safety reason");
        }
        status = Lifecycle.Move.WITHDRAW.from(status);
        withdrawalReason = reason;
        withdrawalNote = note == null || note.isBlank() ? null : note.strip();
    }

    /** Archived: kept for the record, closed to edits, never shown. */
    public void archiveByEditor() {
        status = Lifecycle.Move.ARCHIVE.from(status);
        publishAt = null;
        approval = null;
    }

    /**
     * Withdrawn or archived back to draft, to be reworked and reviewed again before it returns.
     * The draft carries on from the working revision.
     */
    public void reopen(WorkingCopy copy, Instant now, LocalDate today) {
        status = Lifecycle.Move.REOPEN.from(status);
        requireWorkingRevision(copy.revision());
        publishAt = null;
        approval = null;
        change = ChangeStatus.NONE;
        withdrawalReason = null;
        withdrawalNote = null;
        if (!copy.source().equals(toSource())) {
            applyContent(copy.source(), copy.html(), now, item -> new ReviewDates(null, today), false);
        }
    }

    // ------------------------------------------------------------------------------ reviews

    /**
     * Records a FULL or NO_CHANGE review of the live content (a periodic review): the review must
     * be of the live revision. It sets the dates and the reviewer and, for a page withdrawn only
     * because its review was overdue, puts it back once nothing in it is overdue.
     */
    public void recordReview(ReviewRecord review, LocalDate today) {
        if (review.mediaItemId() != null || !Objects.equals(id, review.pageId()) || !review.kind().resetsDates()) {
            throw new IllegalArgumentException("A page review is a FULL or NO_CHANGE review of this page");
        }
        if (liveRevision == null) {
            throw new WorkflowRefused("The page has never been published: its first review is the approval in the workflow");
        }
        if (review.revisionNumber() != liveRevision) {
            throw new WorkflowRefused("Revision " + review.revisionNumber() + " is not the live revision (the live"
                    + " revision is " + liveRevision + ")");
        }
        reviewDates = new ReviewDates(review.reviewedOn(), review.nextReviewDue());
        reviewedBy = new Reviewer(review.reviewerName(), review.reviewerProfession());
        reviewedRevision = liveRevision;
        refreshEffectiveReviewDue();
        restoreIfReviewed(today);
    }

    /** Records a review of one media item at its current revision. */
    public void recordMediaReview(ReviewRecord review, LocalDate today) {
        MediaItem item = media.stream().filter(m -> m.id().equals(review.mediaItemId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The page has no media item " + review.mediaItemId()));
        item.recordReview(review);
        restoreIfReviewed(today);
    }

    private void restoreIfReviewed(LocalDate today) {
        if (status == PageStatus.WITHDRAWN && withdrawalReason.liftedByReview() && !effectiveReviewDue.isBefore(today)) {
            status = Lifecycle.Move.RESTORE_REVIEWED.from(status);
            withdrawalReason = null;
        }
    }

    // ------------------------------------------------------------------------------ system changes

    /** The scheduled-publishing job: an approved page whose time has come. */
    void publishScheduled(WorkingCopy copy, Instant now, LocalDate today) {
        goLiveApproved(copy, now, today, Lifecycle.Move.PUBLISH_SCHEDULED);
    }

    /** The scheduled-publishing job: a published page at the end of its publication window. */
    void expire() {
        status = Lifecycle.Move.EXPIRE.from(status);
        change = ChangeStatus.NONE;
        approval = null;
    }

    /** The review scan: a published page overdue past the withdrawal threshold. */
    void withdrawOverdue() {
        status = Lifecycle.Move.WITHDRAW_OVERDUE.from(status);
        withdrawalReason = WithdrawalReason.REVIEW_OVERDUE;
        withdrawalNote = null;
    }

    /** The import: a review a content file records, signed for the page's revision {@code revision}. */
    void importSignedReview(ReviewDates dates, Reviewer reviewer, int revision) {
        reviewDates = Objects.requireNonNull(dates, "review dates");
        reviewedBy = Objects.requireNonNull(reviewer, "reviewer");
        reviewedRevision = revision;
        refreshEffectiveReviewDue();
    }

    /** The import: the review dates a content file gives the page's media, by source. */
    void importMediaDates(java.util.Map<String, ReviewDates> mediaDates) {
        media.forEach(m -> {
            ReviewDates dates = mediaDates.get(m.src());
            if (dates != null) {
                m.importDates(dates);
            }
        });
        refreshEffectiveReviewDue();
    }

    /** The import: the dates a content file gives a page with no review to record. */
    void importDates(ReviewDates dates) {
        reviewDates = Objects.requireNonNull(dates, "review dates");
        refreshEffectiveReviewDue();
    }

    /** The import: the page goes to the status its file names, as a system change. */
    void importTo(PageStatus target, WorkingCopy copy, Instant now) {
        switch (target == null ? PageStatus.PUBLISHED : target) {
            case DRAFT -> { }
            // an approval is a sign-off made here: an approved page from a file waits for one again
            case IN_REVIEW, APPROVED -> status = Lifecycle.Move.IMPORT_SUBMIT.from(status);
            case ARCHIVED -> status = Lifecycle.Move.IMPORT_ARCHIVE.from(status);
            case WITHDRAWN -> {
                importPublish(copy, now);
                status = Lifecycle.Move.IMPORT_WITHDRAW.from(status);
                withdrawalReason = WithdrawalReason.EDITORIAL;
            }
            default -> importPublish(copy, now);
        }
    }

    /** The import: new content from a content file goes live directly (the files are the source). */
    void importContent(PageSource source, String html, PageRevision.Authorship by, Instant now,
            java.util.function.Consumer<PageRevision> keep) {
        PageSource content = source.withoutRelatedTo(slug);
        int number = ++latestRevision;
        keep.accept(new PageRevision(this, number, workingRevision, content, documentOf(content), by, now));
        applyContent(content, html, now, item -> item == null ? new ReviewDates(null, LocalDate.ofInstant(now,
                java.time.ZoneOffset.UTC)) : item.reviewDates(), false);
        if (hasLiveContent()) {
            liveRevision = number;
        }
        workingRevision = number;
        change = ChangeStatus.NONE;
        approval = null;
    }

    private void importPublish(WorkingCopy copy, Instant now) {
        requireHelpSection(copy.source(), "published");
        status = Lifecycle.Move.IMPORT_PUBLISH.from(status);
        liveRevision = workingRevision;
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    // ------------------------------------------------------------------------------ internals

    private void goLiveApproved(WorkingCopy copy, Instant now, LocalDate today, Lifecycle.Move move) {
        if (approval == null || approval.revisionNumber() != copy.revision()) {
            throw new WorkflowRefused("The working revision has no clinical approval to publish");
        }
        requireWorkingRevision(copy.revision());
        requireHelpSection(copy.source(), "published");
        ReviewDates reviewed = new ReviewDates(approval.reviewedOn(), approval.nextReviewDue());
        LocalDate due = dueAfterApproval(copy.source(), reviewed);
        if (due.isBefore(today)) {
            throw new WorkflowRefused("The page would be past its review date (" + due + ") as soon as it is published:"
                    + " sign off its overdue media first");
        }
        if (hasLiveContent()) {
            change = Lifecycle.ChangeMove.PUBLISH.from(change);
        } else {
            status = move.from(status);
        }
        applyContent(copy.source(), copy.html(), now, item -> reviewed, true);
        reviewDates = reviewed;
        reviewedBy = new Reviewer(approval.reviewerName(), approval.reviewerProfession());
        reviewedRevision = approval.revisionNumber();
        liveRevision = workingRevision;
        approval = null;
        publishAt = null;
        if (publishedAt == null) {
            publishedAt = now;
        }
        refreshEffectiveReviewDue();
        restoreIfReviewed(today);
    }

    /** The effective due date the page would have if this content went live with this approval. */
    private LocalDate dueAfterApproval(PageSource content, ReviewDates reviewed) {
        LocalDate earliest = reviewed.nextReviewDue();
        for (MediaSource source : content.media()) {
            LocalDate due = media.stream().filter(m -> m.toSource().equals(source) && m.reviewDates().lastReviewedOn() != null)
                    .map(m -> m.reviewDates().nextReviewDue()).findFirst().orElse(reviewed.nextReviewDue());
            if (due.isBefore(earliest)) {
                earliest = due;
            }
        }
        return earliest;
    }

    private void requireWorkingRevision(int revision) {
        if (revision != workingRevision) {
            throw new StaleRevision(revision, workingRevision);
        }
    }

    private static void requireHelpSection(PageSource content, String step) {
        if (!content.hasWhenToGetHelpSection()) {
            throw new WorkflowRefused("A page without a '## When to get help' section cannot be " + step);
        }
    }

    /**
     * Puts content in the page's columns. Media are matched by file: an item keeps its id, revision
     * and dates while its content is the same; new or changed items take the dates {@code datesFor}
     * gives (called with null for a new item), and with {@code reviewAll} (an approval covers them)
     * so do items never reviewed.
     */
    /** The canonical document of this content, written once however many times a save asks for it. */
    private String documentOf(PageSource content) {
        Written last = written;
        if (last == null || !last.source().equals(content)) {
            last = new Written(content, PageDocument.canonical(content));
            written = last;
        }
        return last.document();
    }

    private void applyContent(PageSource source, String html, Instant now,
            java.util.function.Function<MediaItem, ReviewDates> datesFor, boolean reviewAll) {
        this.title = source.title();
        this.summary = source.summary();
        this.bodyMarkdown = source.bodyMarkdown();
        this.bodyHtml = Objects.requireNonNull(html, "body html");
        this.riskTier = source.tier();
        this.owner = source.owner();
        this.commentPolicy = source.commentPolicy();
        if (!evidence.equals(source.evidence())) {
            this.evidence.clear();
            this.evidence.addAll(source.evidence());
        }
        if (!relatedSlugs.equals(source.relatedSlugs())) {
            this.relatedSlugs.clear();
            this.relatedSlugs.addAll(source.relatedSlugs());
        }
        replaceMedia(source.media(), datesFor, reviewAll);
        this.contentHash = ContentHash.of(documentOf(source));
        this.updatedAt = now;
    }

    private void replaceMedia(List<MediaSource> sources, java.util.function.Function<MediaItem, ReviewDates> datesFor,
            boolean reviewAll) {
        List<MediaItem> kept = new ArrayList<>();
        List<MediaItem> unused = new ArrayList<>(media);
        for (int i = 0; i < sources.size(); i++) {
            MediaSource source = sources.get(i);
            MediaItem item = unused.stream().filter(m -> m.src().equals(source.src())).findFirst().orElse(null);
            if (item == null) {
                item = new MediaItem(this, i, source, datesFor.apply(null));
            } else {
                unused.remove(item);
                boolean unreviewed = item.reviewDates().lastReviewedOn() == null;
                item.describe(source, datesFor.apply(item));
                if (reviewAll && unreviewed) {
                    item.importDates(datesFor.apply(item));
                }
                item.moveTo(i);
            }
            kept.add(item);
        }
        media.removeAll(unused);
        for (MediaItem item : kept) {
            if (!media.contains(item)) {
                media.add(item);
            }
        }
        media.sort(java.util.Comparator.comparingInt(MediaItem::position));
        refreshEffectiveReviewDue();
    }

    /** Sets when the page goes live (an approved page) and when it comes down; null for no limit. */
    public void schedule(Instant publishFrom, Instant expireFrom) {
        if (publishFrom != null && expireFrom != null && !expireFrom.isAfter(publishFrom)) {
            throw new WorkflowRefused("A page must expire after it is published");
        }
        this.publishAt = publishFrom;
        this.expireAt = expireFrom;
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

    // ------------------------------------------------------------------------------ reading

    /** Whether the page has live content: published, or withdrawn only until its overdue review is done. */
    public boolean hasLiveContent() {
        return liveRevision != null && (status == PageStatus.PUBLISHED
                || status == PageStatus.WITHDRAWN && withdrawalReason != null && withdrawalReason.liftedByReview());
    }

    /**
     * What a reader gets at this moment, decided by the clock and the dates, whether or not any job
     * has run: the page, 410 (withdrawn, or overdue past the withdrawal threshold) or 404.
     */
    public Readability readabilityAt(Instant now, LocalDate today, ReviewPolicy policy) {
        return standing().readabilityAt(now, today, policy);
    }

    /** The page's few columns that decide what a reader gets, and its review cycle. */
    public PageStanding standing() {
        return new PageStanding(id, slug, status, publishAt, expireAt, effectiveReviewDue, riskTier, reviewDates.lastReviewedOn());
    }

    /** Whether the page is published and inside its publication window (review dates aside). */
    public boolean isVisibleAt(Instant now) {
        return standing().isVisibleAt(now);
    }

    /** The media item whose review date is the page's effective one, when it falls before the page's own. */
    public Optional<MediaItem> mediaDrivingDue() {
        return media.stream().filter(m -> m.reviewDates().nextReviewDue().isBefore(reviewDates.nextReviewDue()))
                .min(java.util.Comparator.comparing(m -> m.reviewDates().nextReviewDue()));
    }

    /** Whether the live content changed (non-clinically) after the revision that was reviewed. */
    public boolean changedSinceReview() {
        return liveRevision != null && reviewedRevision != null && liveRevision > reviewedRevision;
    }

    /** Whether the working revision is not the live one: a change is waiting. */
    public boolean hasPendingChange() {
        return change != ChangeStatus.NONE;
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
    public ChangeStatus change() { return change; }
    public ReviewDates reviewDates() { return reviewDates; }
    public LocalDate effectiveReviewDue() { return effectiveReviewDue; }
    public Reviewer reviewedBy() { return reviewedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant publishedAt() { return publishedAt; }
    public Instant publishAt() { return publishAt; }
    public Instant expireAt() { return expireAt; }
    /** SHA-256 of the canonical document of the content in the page's columns. */
    public String contentHash() { return contentHash; }
    public long version() { return version; }
    public int workingRevision() { return workingRevision; }
    public int latestRevision() { return latestRevision; }
    public Integer liveRevision() { return liveRevision; }
    public Integer reviewedRevision() { return reviewedRevision; }
    public Optional<ReviewRecord> approval() { return Optional.ofNullable(approval); }
    public WithdrawalReason withdrawalReason() { return withdrawalReason; }
    public String withdrawalNote() { return withdrawalNote; }
    public List<Evidence> evidence() { return Collections.unmodifiableList(evidence); }
    public List<String> relatedSlugs() { return Collections.unmodifiableList(relatedSlugs); }
    public List<MediaItem> media() { return Collections.unmodifiableList(media); }
}
