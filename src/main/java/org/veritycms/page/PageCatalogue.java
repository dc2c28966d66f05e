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
        Page page = unsaved(slug, topic, source);
        PageRevision first = page.firstRevision(by); // before saving: a change after it would be an update of the new row
        pages.add(page);
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
        ImportedRecords records = new ImportedRecords();
        Page page = importNew(slug, topic, source, review, target, by, records);
        writeImported(records);
        return page;
    }

    /**
     * As {@link #importNew(Slug, Topic, PageSource, ImportedReview, PageStatus, PageRevision.Authorship)}, for one
     * page of a batch: its review record waits in {@code records} until {@link #writeImported} writes them all.
     * The page is made whole before it is saved: a change after saving it would be written as an update of
     * the row just inserted, its body and all.
     */
    @Transactional
    public Page importNew(Slug slug, Topic topic, PageSource source, ImportedReview review, PageStatus target,
            PageRevision.Authorship by, ImportedRecords records) {
        Page page = unsaved(slug, topic, source);
        PageRevision first = page.firstRevision(by);
        boolean signed = signedReview(page, review);
        importReview(page, review, signed ? first : null);
        page.importTo(target, workingCopy(page), clock.instant());
        pages.add(page);
        pages.addRevision(first);
        if (signed) {
            records.waiting.add(reviewRecord(page, first, review));
        }
        return page;
    }

    /**
     * The review records of pages created by an import, held back until their pages are written. A
     * record names its page by id, not by association, so the ordered inserts of a flush cannot tell
     * that the page's row must come first; held back, a whole batch's pages and revisions go out in
     * one flush, as a few JDBC batches, and its records in the next, rather than a flush per page.
     */
    public static final class ImportedRecords {

        private final java.util.List<ReviewRecord> waiting = new java.util.ArrayList<>();
    }

    /** Writes what the import has written so far, then the review records held back for it. */
    @Transactional
    public void writeImported(ImportedRecords records) {
        if (!records.waiting.isEmpty()) {
            pages.flush();
            records.waiting.forEach(pages::addReview);
            records.waiting.clear();
        }
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
        if (signedReview(page, review)) {
            PageRevision working = revisionOf(page, page.workingRevision());
            importReview(page, review, working);
            pages.addReview(reviewRecord(page, working, review));
        } else {
            importReview(page, review, null);
        }
        if (page.status() == PageStatus.DRAFT && target == PageStatus.PUBLISHED) {
            page.importTo(target, workingCopy(page), clock.instant());
        }
    }

    /** Whether the file records a review to sign for the page: a reviewer named, and dates the page has not. */
    private static boolean signedReview(Page page, ImportedReview review) {
        return review.dates().lastReviewedOn() != null && review.reviewer() != null && review.reviewer().name() != null
                && !review.dates().equals(page.reviewDates());
    }

    /** The file's review on the page: signed for the revision {@code signed}, or (null) its dates alone. */
    private static void importReview(Page page, ImportedReview review, PageRevision signed) {
        if (signed == null) {
            page.importDates(review.dates());
        } else {
            page.importSignedReview(review.dates(), review.reviewer(), signed.number());
        }
        page.importMediaDates(review.mediaDates());
    }

    /** The record of the file's review, pinned to the revision it signs; its page must have its id. */
    private ReviewRecord reviewRecord(Page page, PageRevision revision, ImportedReview review) {
        return new ReviewRecord(ReviewRecord.Subject.page(page, revision), ReviewKind.FULL,
                new ReviewRecord.Signature(ReviewRecord.IMPORTED, review.reviewer().name(), review.reviewer().profession(), null),
                "Recorded from the content file", review.dates().lastReviewedOn(), review.dates().nextReviewDue(), clock.instant());
    }
}
