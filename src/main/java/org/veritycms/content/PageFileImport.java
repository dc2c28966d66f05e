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
