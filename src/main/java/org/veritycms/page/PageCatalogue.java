package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.veritycms.shared.ContentHash;

/**
 * Creating and saving pages: every save renders the body, takes a revision, and announces the
 * change so caches and indexes can follow.
 */
@ApplicationScoped
public class PageCatalogue {

    private final PageRepository pages;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final Event<PageChanged> changes;

    @Inject
    public PageCatalogue(PageRepository pages, MarkdownRenderer markdown, Clock clock, Event<PageChanged> changes) {
        this.pages = pages;
        this.markdown = markdown;
        this.clock = clock;
        this.changes = changes;
    }

    protected PageCatalogue() {
        this(null, null, null, null);
    }

    /** Creates a page and its first revision. */
    @Transactional
    public Page create(Slug slug, Topic topic, PageSource source, ReviewDates dates, Reviewer reviewer,
            String author, String changeNote) {
        Instant now = clock.instant();
        Page page = new Page(slug, topic, source, markdown.toHtml(source.bodyMarkdown()),
                ContentHash.of(source.bodyMarkdown()), dates, reviewer, now);
        pages.add(page);
        pages.addRevision(new PageRevision(page, 1, author, changeNote, now));
        changes.fire(new PageChanged(slug.value()));
        return page;
    }

    /** Saves new content on an existing page as a new revision. */
    @Transactional
    public Page revise(Page page, PageSource source, String author, String changeNote) {
        page.revise(source, markdown.toHtml(source.bodyMarkdown()), ContentHash.of(source.bodyMarkdown()), clock.instant());
        pages.addRevision(new PageRevision(page, pages.latestRevisionNumber(page) + 1, author, changeNote, clock.instant()));
        changes.fire(new PageChanged(page.slug()));
        return page;
    }
}
