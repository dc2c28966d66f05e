package org.veritycms.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStatus;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;

/** Applies one content file or topic in its own transaction, so one bad file never stops the rest. */
@ApplicationScoped
public class PageFileImport {

    /** What happened to a page. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    static final String IMPORT_AUTHOR = "content import";

    private final PageRepository pages;
    private final TopicRepository topics;
    private final PageCatalogue catalogue;
    private final Clock clock;

    @Inject
    public PageFileImport(PageRepository pages, TopicRepository topics, PageCatalogue catalogue, Clock clock) {
        this.pages = pages;
        this.topics = topics;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    protected PageFileImport() {
        this(null, null, null, null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void applyTopic(TopicEntry entry) {
        Optional<Topic> existing = topics.findBySlug(entry.slug().value());
        if (existing.isPresent()) {
            existing.get().describe(entry.title(), entry.description(), entry.tier(), entry.position());
        } else {
            topics.add(new Topic(entry.slug(), entry.title(), entry.description(), entry.tier(), entry.position()));
        }
    }

    /**
     * Creates or updates the page. A file whose page lacks "When to get help" is kept as a draft
     * and reported, rather than published or lost.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = MissingHelpSection.class)
    public Outcome apply(PageFile file) {
        return applyIn(file);
    }

    /** What happened to one file of a batch: its outcome, and the problem to report, if any. */
    public record Applied(Outcome outcome, String problem) {
    }

    /**
     * Applies many files in one transaction (one commit, not one per file). Any failure rolls the
     * whole batch back and is thrown, so the caller can apply the files one by one and report
     * the bad one; a page kept as a draft for want of a help section is not a failure.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.List<Applied> applyAll(java.util.List<PageFile> files) {
        java.util.List<Applied> results = new java.util.ArrayList<>();
        for (PageFile file : files) {
            try {
                results.add(new Applied(applyIn(file), null));
            } catch (MissingHelpSection e) {
                results.add(new Applied(Outcome.CREATED, e.getMessage()));
            }
        }
        return results;
    }

    private Outcome applyIn(PageFile file) {
        Topic topic = topics.findBySlug(file.topicSlug())
                .orElseThrow(() -> new ContentError(1, "Unknown topic '" + file.topicSlug() + "' (not in topics.yaml)"));
        Optional<Page> existing = pages.findBySlug(file.slug().value());
        Page page;
        Outcome outcome;
        if (existing.isEmpty()) {
            page = catalogue.create(file.slug(), topic, file.source(), file.reviewDates(), file.reviewer(),
                    IMPORT_AUTHOR, "Imported from content/");
            outcome = Outcome.CREATED;
        } else {
            page = existing.get();
            if (!page.topic().slug().equals(file.topicSlug())) {
                throw new ContentError(1, "Slug '" + file.slug() + "' is already used in topic '" + page.topic().slug() + "'");
            }
            if (page.toSource().equals(file.source()) && page.reviewDates().equals(file.reviewDates())) {
                return Outcome.UNCHANGED;
            }
            catalogue.revise(page, file.source(), IMPORT_AUTHOR, "Updated from content/");
            page.recordReviewDates(file.reviewDates(), file.reviewer());
            outcome = Outcome.UPDATED;
        }
        if (outcome == Outcome.CREATED && file.status() != null && file.status() != PageStatus.PUBLISHED) {
            bringTo(page, file.status());
            return outcome;
        }
        if (page.status() == PageStatus.DRAFT) {
            if (!file.source().hasWhenToGetHelpSection()) {
                throw new MissingHelpSection();
            }
            page.publish(clock.instant());
        }
        return outcome;
    }

    /** Takes a new page through the workflow to the status its file names (an exported draft stays a draft). */
    private void bringTo(Page page, PageStatus target) {
        switch (target) {
            case DRAFT -> { }
            case IN_REVIEW -> page.submitForReview();
            case APPROVED -> {
                page.submitForReview();
                page.approve();
            }
            case WITHDRAWN -> {
                page.publish(clock.instant());
                page.withdrawPublished();
            }
            case ARCHIVED -> page.archiveByEditor();
            default -> page.publish(clock.instant());
        }
    }

    /** The page was saved as a draft but cannot be published. */
    static final class MissingHelpSection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingHelpSection() {
            super("The page has no '## When to get help' section, so it was kept as a draft and not published");
        }
    }
}
