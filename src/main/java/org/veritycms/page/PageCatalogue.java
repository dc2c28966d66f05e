package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Creating pages and saving their revisions, and the working copy of a page rendered for
 * publishing. Changes announce themselves (see {@link PageChangeListener}).
 */
@ApplicationScoped
public class PageCatalogue {

    private final PageRepository pages;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    @Inject
    public PageCatalogue(PageRepository pages, MarkdownRenderer markdown, Clock clock) {
        this.pages = pages;
        this.markdown = markdown;
        this.clock = clock;
    }

    protected PageCatalogue() {
        this(null, null, null);
    }

    /** Creates a draft and its first revision; its review dates wait for its first approval. */
    @Transactional
    public Page create(Slug slug, Topic topic, PageSource source, PageRevision.Authorship by) {
        return draft(slug, topic, source, by).page();
    }

    private PageRevision draft(Slug slug, Topic topic, PageSource source, PageRevision.Authorship by) {
        Page page = new Page(slug, topic, source, markdown.toHtml(source.bodyMarkdown()), LocalDate.now(clock), clock.instant());
        pages.add(page);
        PageRevision first = page.firstRevision(by);
        pages.addRevision(first);
        return first;
    }

    /** A page that is not saved anywhere, to preview content for a page not created yet. */
    public Page unsaved(Slug slug, Topic topic, PageSource source) {
        return new Page(slug, topic, source, markdown.toHtml(source.bodyMarkdown()), LocalDate.now(clock), clock.instant());
    }

    /** Saves new content as the page's working revision (on a live page: a pending change). */
    @Transactional
    public PageRevision revise(Page page, PageSource source, PageRevision.Authorship by) {
        PageRevision revision = page.revise(source, markdown.toHtml(source.bodyMarkdown()), by, LocalDate.now(clock),
                clock.instant());
        pages.addRevision(revision);
        return revision;
    }

    /** The working revision's content, rendered as readers would get it. */
    public WorkingCopy workingCopy(Page page) {
        PageSource source = workingSource(page);
        String html = source.bodyMarkdown().equals(page.bodyMarkdown()) ? page.bodyHtml() : markdown.toHtml(source.bodyMarkdown());
        return new WorkingCopy(page.workingRevision(), source, html);
    }

    /** The working revision's content: the page's own columns unless a change waits over live content. */
    public PageSource workingSource(Page page) {
        if (!page.hasLiveContent() || page.liveRevision() == page.workingRevision()) {
            if (page.status() != PageStatus.ARCHIVED && page.status() != PageStatus.WITHDRAWN) {
                return page.toSource();
            }
        }
        return revisionOf(page, page.workingRevision()).source();
    }

    /** One revision of a page, which must exist. */
    public PageRevision revisionOf(Page page, int number) {
        return pages.revision(page, number).orElseThrow(() -> new IllegalStateException(
                "Page '" + page.slug() + "' has no revision " + number));
    }

    // ---------------------------------------------------------------------------- content import

    /** What a content file says about a page's review. */
    public record ImportedReview(ReviewDates dates, Reviewer reviewer, Map<String, ReviewDates> mediaDates) {
    }

    /**
     * A page from a content file: created as a draft with its first revision, given the review the
     * file records (as a review record pinned to that revision, when the file names the reviewer),
     * then taken to the status the file names.
     */
    @Transactional
    public Page importNew(Slug slug, Topic topic, PageSource source, ImportedReview review, PageStatus target,
            PageRevision.Authorship by) {
        PageRevision first = draft(slug, topic, source, by);
        Page page = first.page();
        // the revision in hand: no query to look it up again
        recordImported(page, review, first);
        page.importTo(target, workingCopy(page), clock.instant());
        return page;
    }

    /**
     * A changed content file: its content goes live as a new revision, with the review it records;
     * a draft (one kept back for want of a help section) is published when the file now allows it.
     */
    @Transactional
    public void importUpdate(Page page, PageSource source, ImportedReview review, PageStatus target,
            PageRevision.Authorship by) {
        if (!source.withoutRelatedTo(page.slug()).equals(page.toSource())) {
            page.importContent(source, markdown.toHtml(source.bodyMarkdown()), by, clock.instant(), pages::addRevision);
        }
        recordImported(page, review, null);
        if (page.status() == PageStatus.DRAFT && target == PageStatus.PUBLISHED) {
            page.importTo(target, workingCopy(page), clock.instant());
        }
    }

    /** {@code working} is the page's working revision, or null to look it up. */
    private void recordImported(Page page, ImportedReview review, PageRevision working) {
        ReviewRecord record = null;
        if (review.dates().lastReviewedOn() != null && review.reviewer() != null && review.reviewer().name() != null
                && !review.dates().equals(page.reviewDates())) {
            PageRevision revision = working;
            if (revision == null) {
                revision = revisionOf(page, page.workingRevision());
            } else {
                pages.flush(); // the record's page must be written first: ordered inserts do not see that it refers to it
            }
            record = new ReviewRecord(ReviewRecord.Subject.page(page, revision), ReviewKind.FULL,
                    new ReviewRecord.Signature(ReviewRecord.IMPORTED, review.reviewer().name(),
                            review.reviewer().profession(), null),
                    "Recorded from the content file", review.dates().lastReviewedOn(), review.dates().nextReviewDue(),
                    clock.instant());
            pages.addReview(record);
        }
        if (record == null) {
            page.importDates(review.dates());
        }
        page.importReview(record, review.mediaDates());
    }
}
