package org.veritycms.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    static final String MISSING_HELP_SECTION =
            "The page has no '## When to get help' section, so it was kept as a draft and not published";

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
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Applied apply(PageFile file) {
        pages.leaveOutOfSearchIndex();
        PageCatalogue.ImportedRecords records = new PageCatalogue.ImportedRecords();
        Applied applied = applyIn(file, topicOf(file), pages.findBySlug(file.slug().value()), records);
        catalogue.writeImported(records);
        return applied;
    }

    /** What happened to one file: its outcome, and the problem to report, if any. */
    public record Applied(Outcome outcome, String problem) {

        static Applied of(Outcome outcome) {
            return new Applied(outcome, null);
        }
    }

    /**
     * Applies many files in one transaction (one commit, not one per file). Any failure rolls the
     * whole batch back and is thrown, so the caller can apply the files one by one and report
     * the bad one; a page kept as a draft for want of a help section is not a failure.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Applied> applyAll(List<PageFile> files) {
        List<Applied> results = new ArrayList<>();
        pages.leaveOutOfSearchIndex();
        // one query for the batch's pages that exist already, and each topic read once: a file whose page
        // is new needs no lookup of its own, so the new pages of a batch are written together at its end (a
        // page another node writes meanwhile fails the batch's commit, and the caller then applies the files
        // one by one)
        Set<String> existing = pages.existingSlugs(files.stream().map(f -> f.slug().value()).toList());
        Map<String, Topic> topicsRead = new HashMap<>();
        PageCatalogue.ImportedRecords records = new PageCatalogue.ImportedRecords();
        for (PageFile file : files) {
            Topic topic = topicsRead.computeIfAbsent(file.topicSlug(), slug -> topicOf(file));
            if (existing.contains(file.slug().value())) {
                // the lookup would check every page written before it for changes: write them and let go first
                catalogue.writeImported(records);
                pages.writeAndLetGo();
                results.add(applyIn(file, topic, pages.findBySlug(file.slug().value()), records));
            } else {
                results.add(applyIn(file, topic, Optional.empty(), records));
            }
        }
        catalogue.writeImported(records);
        pages.writeAndLetGo();
        return results;
    }

    private Topic topicOf(PageFile file) {
        return topics.findBySlug(file.topicSlug())
                .orElseThrow(() -> new ContentError(1, "Unknown topic '" + file.topicSlug() + "' (not in topics.yaml)"));
    }

    /**
     * {@code topic} may be one read earlier in the transaction; the page, if the slug has one. A new
     * page's review record waits in {@code records}.
     */
    private Applied applyIn(PageFile file, Topic topic, Optional<Page> existing, PageCatalogue.ImportedRecords records) {
        PageStatus target = file.status() == null ? PageStatus.PUBLISHED : file.status();
        boolean helpMissing = target != PageStatus.DRAFT && target != PageStatus.ARCHIVED
                && !file.source().hasWhenToGetHelpSection();
        PageStatus status = helpMissing ? PageStatus.DRAFT : target;
        PageCatalogue.ImportedReview review = new PageCatalogue.ImportedReview(file.reviewDates(), file.reviewer(),
                file.mediaDates());
        Outcome outcome;
        if (existing.isEmpty()) {
            catalogue.importNew(file.slug(), topic, file.source(), review, status,
                    PageRevision.Authorship.of(IMPORT_AUTHOR, "Imported from content/"), records);
            outcome = Outcome.CREATED;
        } else {
            Page page = existing.get();
            if (!page.topic().slug().equals(file.topicSlug())) {
                throw new ContentError(1, "Slug '" + file.slug() + "' is already used in topic '" + page.topic().slug() + "'");
            }
            if (page.toSource().equals(file.source().withoutRelatedTo(page.slug())) && page.reviewDates().equals(file.reviewDates())
                    && sameMediaDates(page, file)) {
                return Applied.of(Outcome.UNCHANGED);
            }
            catalogue.importUpdate(page, file.source(), review, status,
                    PageRevision.Authorship.of(IMPORT_AUTHOR, "Updated from content/"));
            outcome = Outcome.UPDATED;
        }
        return new Applied(outcome, helpMissing ? MISSING_HELP_SECTION : null);
    }

    private static boolean sameMediaDates(Page page, PageFile file) {
        return page.media().stream().allMatch(m -> m.reviewDates().equals(file.mediaDates().get(m.src())));
    }
}
