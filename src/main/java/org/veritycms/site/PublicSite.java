package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.veritycms.discovery.MedicalWebPageJsonLd;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStatus;
import org.veritycms.page.Readability;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.ProblemException;
import org.veritycms.site.Views.Link;

/** The reader's pages: home, topic and guidance page, rendered through the theme. */
@ApplicationScoped
public class PublicSite {

    private final PageRepository pages;
    private final TopicRepository topics;
    private final SiteViews views;
    private final SiteRenderer renderer;
    private final Clock clock;
    private final CommentSection comments;
    private final RatingSection rating;
    private final MedicalWebPageJsonLd jsonLd;
    private final ReadablePagesRule readable;

    @Inject
    public PublicSite(PageRepository pages, TopicRepository topics, SiteViews views, SiteRenderer renderer, Clock clock,
            CommentSection comments, RatingSection rating, MedicalWebPageJsonLd jsonLd, ReadablePagesRule readable) {
        this.pages = pages;
        this.topics = topics;
        this.views = views;
        this.renderer = renderer;
        this.clock = clock;
        this.comments = comments;
        this.rating = rating;
        this.jsonLd = jsonLd;
        this.readable = readable;
    }

    protected PublicSite() {
        this(null, null, null, null, null, null, null, null, null);
    }

    @Transactional
    public SharedPage home() {
        Instant now = clock.instant();
        List<Page> visible = pages.findVisible(null, now);
        List<Views.TopicView> topicViews = topics.findAll().stream()
                .map(t -> views.topic(t, visible.stream().filter(p -> p.topic().id().equals(t.id())).toList()))
                .toList();
        return new SharedPage(renderer.render("home.ftlh", "", List.of(), Map.of("topics", topicViews)), now,
                listsValidUntil(visible, now), List.of(SurrogateKeys.LISTS));
    }

    @Transactional
    public SharedPage topic(String slug) {
        Instant now = clock.instant();
        Topic topic = topics.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no topic '" + slug + "'."));
        List<Page> visible = pages.findVisible(topic, now);
        Views.TopicView view = views.topic(topic, visible);
        return new SharedPage(renderer.render("topic.ftlh", topic.title(), List.of(new Link(topic.title(), view.url())),
                Map.of("topic", view)), now, listsValidUntil(visible, now), List.of(SurrogateKeys.LISTS, SurrogateKeys.topic(slug)));
    }

    @Transactional
    public PageCache.Entry page(String topicSlug, String slug) {
        Instant now = clock.instant();
        Page page = pages.findForView(slug).filter(p -> p.topic().slug().equals(topicSlug))
                .orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "' in '" + topicSlug + "'."));
        requireReadable(page, now);
        Views.PageView view = views.page(page, pages.findVisibleBySlugs(page.relatedSlugs(), now));
        String html = renderer.render("page.ftlh", page.title(), List.of(view.topic(), new Link(page.title(), view.url())),
                Map.of("page", view, "comments", comments.of(page, now),
                        "rating", rating.of(page), "jsonLd", jsonLd.of(page)));
        return new PageCache.Entry(topicSlug, new SharedPage(html, now, validUntil(page, now),
                SurrogateKeys.ofPage(page.slug(), page.relatedSlugs())), java.util.Set.copyOf(page.relatedSlugs()));
    }

    /** The page a reader writes a comment (or a reply) on, with the form shown now; 404 when the page takes none. */
    @Transactional
    public String commentForm(String topicSlug, String slug, Long replyTo, String stamp) {
        Instant now = clock.instant();
        Page page = pages.findForView(slug).filter(p -> p.topic().slug().equals(topicSlug))
                .orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "' in '" + topicSlug + "'."));
        requireReadable(page, now);
        CommentViews.WriteView write = comments.toWrite(page, replyTo, now, stamp)
                .orElseThrow(() -> ProblemException.notFound("Comments are closed on '" + page.title() + "'."));
        return renderer.render("comment-write.ftlh", write.pageTitle(),
                List.of(new Link(page.topic().title(), SiteViews.topicUrl(page.topic().slug())),
                        new Link(page.title(), write.pageUrl())), Map.of("write", write));
    }

    /** The one place a reader's request for a page becomes 404 or 410, decided by the clock and the dates. */
    void requireReadable(Page page, Instant now) {
        Readability readability = readable.of(page, now);
        if (readability == Readability.GONE) {
            boolean byEditors = page.status() == PageStatus.WITHDRAWN && !page.withdrawalReason().liftedByReview();
            throw new PageWithdrawn(page.title(), new Link(page.topic().title(), SiteViews.topicUrl(page.topic().slug())),
                    byEditors);
        }
        if (readability == Readability.NOT_FOUND) {
            throw ProblemException.notFound("There is no page '" + page.slug() + "' in '" + page.topic().slug() + "'.");
        }
    }

    /** A rendered page holds until the next local midnight (review states move by day) or its expiry. */
    private Instant validUntil(Page page, Instant now) {
        Instant midnight = nextMidnight(now);
        return page.expireAt() != null && page.expireAt().isBefore(midnight) ? page.expireAt() : midnight;
    }

    /** A list of pages holds until the next local midnight or the first of its pages' expiries. */
    private Instant listsValidUntil(List<Page> listed, Instant now) {
        return listed.stream().map(p -> validUntil(p, now)).min(Instant::compareTo).orElseGet(() -> nextMidnight(now));
    }

    private Instant nextMidnight(Instant now) {
        return java.time.LocalDate.ofInstant(now, clock.getZone()).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }
}
