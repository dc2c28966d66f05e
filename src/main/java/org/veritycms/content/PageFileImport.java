package org.veritycms.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
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

    @Inject
    public PageFileImport(PageRepository pages, TopicRepository topics, PageCatalogue catalogue) {
        this.pages = pages;
        this.topics = topics;
        this.catalogue = catalogue;
    }

    protected PageFileImport() {
        this(null, null, null);
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
        pages.leaveOutOfSearchIndex();
        return applyIn(file, topicOf(file), pages.findBySlug(file.slug().value()));
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
        pages.leaveOutOfSearchIndex();
        // one query for the batch's pages that exist already, and each topic read once: a file whose page
        // is new needs no lookup of its own (a page another node writes meanwhile fails the batch's commit,
        // and the caller then applies the files one by one)
        java.util.Set<String> existing = pages.existingSlugs(files.stream().map(f -> f.slug().value()).toList());
        java.util.Map<String, Topic> topicsRead = new java.util.HashMap<>();
        for (PageFile file : files) {
            try {
                Topic topic = topicsRead.get(file.topicSlug());
                if (topic == null) {
                    topic = topicOf(file);
                    topicsRead.put(file.topicSlug(), topic);
                }
                Optional<Page> page = existing.contains(file.slug().value()) ? pages.findBySlug(file.slug().value())
                        : Optional.empty();
                results.add(new Applied(applyIn(file, topic, page), null));
            } catch (MissingHelpSection e) {
                results.add(new Applied(Outcome.CREATED, e.getMessage()));
            }
            pages.writeAndLetGo(); // each file's lookups would otherwise check every page written before it for changes
        }
        return results;
    }

    private Topic topicOf(PageFile file) {
        return topics.findBySlug(file.topicSlug())
                .orElseThrow(() -> new ContentError(1, "Unknown topic '" + file.topicSlug() + "' (not in topics.yaml)"));
    }

    /** {@code topic} may be one read earlier in the transaction; the page, if the slug has one. */
    private Outcome applyIn(PageFile file, Topic topic, Optional<Page> existing) {
        PageStatus target = file.status() == null ? PageStatus.PUBLISHED : file.status();
        boolean helpMissing = target != PageStatus.DRAFT && target != PageStatus.ARCHIVED
                && !file.source().hasWhenToGetHelpSection();
        PageCatalogue.ImportedReview review = new PageCatalogue.ImportedReview(file.reviewDates(), file.reviewer(),
                file.mediaDates());
        if (existing.isEmpty()) {
            catalogue.importNew(file.slug(), topic, file.source(), review, helpMissing ? PageStatus.DRAFT : target,
                    PageRevision.Authorship.of(IMPORT_AUTHOR, "Imported from content/"));
            if (helpMissing) {
                throw new MissingHelpSection();
            }
            return Outcome.CREATED;
        }
        Page page = existing.get();
        if (!page.topic().slug().equals(file.topicSlug())) {
            throw new ContentError(1, "Slug '" + file.slug() + "' is already used in topic '" + page.topic().slug() + "'");
        }
        if (page.toSource().equals(file.source().withoutRelatedTo(page.slug())) && page.reviewDates().equals(file.reviewDates())
                && sameMediaDates(page, file)) {
            return Outcome.UNCHANGED;
        }
        catalogue.importUpdate(page, file.source(), review, helpMissing ? PageStatus.DRAFT : target,
                PageRevision.Authorship.of(IMPORT_AUTHOR, "Updated from content/"));
        if (helpMissing) {
            throw new MissingHelpSection();
        }
        return Outcome.UPDATED;
    }

    private static boolean sameMediaDates(Page page, PageFile file) {
        return page.media().stream().allMatch(m -> m.reviewDates().equals(file.mediaDates().get(m.src())));
    }

    /** The page was saved as a draft but cannot be published. */
    static final class MissingHelpSection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingHelpSection() {
            super("The page has no '## When to get help' section, so it was kept as a draft and not published");
        }
    }
}
