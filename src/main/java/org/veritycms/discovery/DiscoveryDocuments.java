package org.veritycms.discovery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.page.Page;
import org.veritycms.page.EveryPageChanged;
import org.veritycms.page.PageChanged;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.SiteAddress;

/**
 * The sitemap, robots.txt and the Atom feeds, built from the readable pages and kept for a few
 * minutes: crawlers and feed readers poll them, and nothing in them changes without a page
 * changing (which drops them at once) or the clock passing a publication date (which the few
 * minutes cover).
 */
@ApplicationScoped
public class DiscoveryDocuments {

    private final ReadablePages pages;
    private final TopicRepository topics;
    private final FeedEntries feedEntries;
    private final SiteAddress site;
    private final Clock clock;
    private final int feedSize;
    private final Cache<String, String> documents = Caffeine.newBuilder().maximumSize(1000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();

    @Inject
    public DiscoveryDocuments(ReadablePages pages, TopicRepository topics, FeedEntries feedEntries, SiteAddress site,
            Clock clock, @ConfigProperty(name = "verity.feed.entries", defaultValue = "30") int feedSize) {
        this.pages = pages;
        this.topics = topics;
        this.feedEntries = feedEntries;
        this.site = site;
        this.clock = clock;
        this.feedSize = feedSize;
    }

    protected DiscoveryDocuments() {
        this(null, null, null, null, null, 0);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PageChanged change) {
        if (change.scope() != PageChanged.Scope.RATINGS) {
            documents.invalidateAll(); // ratings are in no feed, sitemap or search engine's record
        }
    }

    void onMissedChanges(@Observes EveryPageChanged missed) {
        documents.invalidateAll();
    }

    public String robots() {
        return "User-agent: *\nDisallow: /admin\nDisallow: /api\nDisallow: /search\nDisallow: /subscribe\n"
                + "Disallow: /unsubscribe\n\nSitemap: " + site.of("/sitemap.xml") + "\n";
    }

    @Transactional
    public String sitemap() {
        return documents.get("sitemap", k -> buildSitemap());
    }

    /** The feed of the whole site ({@code topicSlug} null) or of one topic (404 for an unknown one). */
    @Transactional
    public String feed(String topicSlug) {
        return documents.get("feed:" + Objects.toString(topicSlug, ""), k -> buildFeed(topicSlug));
    }

    private String buildSitemap() {
        List<Page> readable = pages.all(clock.instant());
        Map<String, LocalDate> latestByTopic = readable.stream().collect(Collectors.toMap(p -> p.topic().slug(),
                p -> PageChange.lastModified(p, clock.getZone()), (a, b) -> a.isAfter(b) ? a : b));
        List<Sitemap.Url> urls = new ArrayList<>();
        urls.add(new Sitemap.Url(site.of("/"), latestByTopic.values().stream().max(Comparator.naturalOrder()).orElse(null)));
        for (Topic topic : topics.findAll()) {
            urls.add(new Sitemap.Url(site.of("/" + topic.slug()), latestByTopic.get(topic.slug())));
        }
        for (Page page : readable) {
            urls.add(new Sitemap.Url(site.of("/" + page.topic().slug() + "/" + page.slug()),
                    PageChange.lastModified(page, clock.getZone())));
        }
        return Sitemap.write(urls);
    }

    private String buildFeed(String topicSlug) {
        Topic topic = topicSlug == null ? null : topics.findBySlug(topicSlug)
                .orElseThrow(() -> ProblemException.notFound("There is no topic '" + topicSlug + "'."));
        Instant now = clock.instant();
        List<Page> recent = pages.recentlyChanged(topicSlug, now, feedSize);
        Map<Long, PageChange> changes = recent.stream()
                .collect(Collectors.toMap(Page::id, p -> PageChange.of(p, clock.getZone())));
        List<Page> newestFirst = recent.stream()
                .sorted(Comparator.comparing((Page p) -> changes.get(p.id()).at()).reversed()).limit(feedSize).toList();
        List<AtomFeed.Entry> entries = feedEntries.of(newestFirst, changes, pages.latestChangeNotes(newestFirst));
        String path = topic == null ? "/feed.atom" : "/" + topic.slug() + "/feed.atom";
        Instant updated = entries.stream().map(AtomFeed.Entry::updated).max(Comparator.naturalOrder()).orElse(now);
        return AtomFeed.write(feedEntries.head(site.of(path), site.of(topic == null ? "/" : "/" + topic.slug()),
                topic == null ? null : topic.title(), updated), entries);
    }
}
