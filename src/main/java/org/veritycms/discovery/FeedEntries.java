package org.veritycms.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veritycms.page.Page;
import org.veritycms.shared.SiteAddress;
import org.veritycms.theme.Messages;
import org.veritycms.theme.ThemeRenderer;

/** A feed's head and entries: titles from the theme's messages, one entry per page's latest change. */
@ApplicationScoped
public class FeedEntries {

    private final Messages messages;
    private final ChangeReasons reasons;
    private final SiteAddress site;

    @Inject
    public FeedEntries(ThemeRenderer theme, ChangeReasons reasons, SiteAddress site) {
        this.messages = theme.messages();
        this.reasons = reasons;
        this.site = site;
    }

    protected FeedEntries() {
        this.messages = null;
        this.reasons = null;
        this.site = null;
    }

    AtomFeed.Head head(String selfUrl, String siteUrl, String topicTitle, Instant updated) {
        String siteName = messages.get("site.name");
        String title = topicTitle == null ? messages.get("feed.title", siteName) : messages.get("feed.topic.title", siteName, topicTitle);
        return new AtomFeed.Head(selfUrl, siteUrl, title, messages.get("feed.subtitle"), siteName, updated);
    }

    List<AtomFeed.Entry> of(List<Page> pages, Map<Long, PageChange> changes, Map<Long, String> changeNotes) {
        return pages.stream().map(p -> entry(p, changes.get(p.id()), changeNotes.get(p.id()))).toList();
    }

    /** The entry's id names the page and the change, so a new review or edit is a new entry for readers. */
    private AtomFeed.Entry entry(Page page, PageChange change, String changeNote) {
        String url = site.of("/" + page.topic().slug() + "/" + page.slug());
        String id = url + "#" + change.kind().name().toLowerCase(Locale.ROOT) + "-" + change.day();
        return new AtomFeed.Entry(id, page.title(), url, change.at(),
                reasons.of(page, change, changeNote) + "\n\n" + page.summary(), page.topic().title());
    }
}
