package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.shared.ProblemException;

/** The public, read-only JSON API: topics, published pages with their review dates, and their review histories. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PublicApi {

    /** A topic as the API shows it. */
    public record TopicJson(String slug, String title, String description, String defaultTier) {
    }

    /** A page in a listing. */
    public record PageListItem(String slug, String topic, String title, String summary, String url,
            LocalDate lastReviewed, LocalDate nextReviewDue, LocalDate effectiveReviewDue) {
    }

    /** A media item with its own review dates. */
    public record MediaJson(String kind, String title, String src, LocalDate lastReviewed, LocalDate nextReviewDue) {
    }

    /** One page in full. */
    public record PageJson(String slug, String topic, String title, String summary, String bodyMarkdown,
            String riskTier, LocalDate lastReviewed, LocalDate nextReviewDue, LocalDate effectiveReviewDue,
            String updatedAt, List<MediaJson> media, List<String> related) {
    }

    @Inject
    ReadablePagesRule readable;

    @Inject
    PageRepository pages;

    @Inject
    TopicRepository topics;

    @Inject
    Clock clock;

    @Inject
    ReviewHistory history;

    @GET
    @Path("topics")
    @Transactional
    public List<TopicJson> topics() {
        return topics.findAll().stream()
                .map(t -> new TopicJson(t.slug(), t.title(), t.description(), t.defaultTier().name())).toList();
    }

    @GET
    @Path("pages")
    @Transactional
    @APIResponse(responseCode = "200", description = "The pages readers can read, in the topic if one is named")
    @APIResponse(responseCode = "404", description = "There is no topic with this slug")
    public List<PageListItem> pages(@QueryParam("topic") String topicSlug) {
        Topic topic = topicSlug == null || topicSlug.isBlank() ? null : topics.findBySlug(topicSlug)
                .orElseThrow(() -> ProblemException.notFound("There is no topic '" + topicSlug + "'."));
        return pages.findVisible(topic, clock.instant()).stream().map(PublicApi::listItem).toList();
    }

    @GET
    @Path("pages/{slug}")
    @Transactional
    @APIResponse(responseCode = "200", description = "The page as readers see it")
    @APIResponse(responseCode = "410", description = "The page has been withdrawn")
    public PageJson page(@PathParam("slug") String slug) {
        Page page = pages.findForView(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        readable.require(page, clock.instant());
        return new PageJson(page.slug(), page.topic().slug(), page.title(), page.summary(), page.bodyMarkdown(),
                page.riskTier().name(), page.reviewDates().lastReviewedOn(), page.reviewDates().nextReviewDue(),
                page.effectiveReviewDue(), page.updatedAt().toString(),
                page.media().stream().map(m -> new MediaJson(m.kind().name(), m.title(), m.src(),
                        m.reviewDates().lastReviewedOn(), m.reviewDates().nextReviewDue())).toList(),
                List.copyOf(page.relatedSlugs()));
    }

    /** A page's public review history: every review, the live revision and its hash, corrections since. */
    @GET
    @Path("pages/{slug: " + SiteResource.SLUG + "}/review-history")
    @APIResponse(responseCode = "200", description = "The page's reviews, its live revision and that revision's hash")
    @APIResponse(responseCode = "410", description = "The page has been withdrawn")
    public ReviewHistory.View reviewHistory(@PathParam("slug") String slug) {
        return history.of(null, slug);
    }

    private static PageListItem listItem(Page p) {
        return new PageListItem(p.slug(), p.topic().slug(), p.title(), p.summary(),
                SiteViews.pageUrl(p.topic().slug(), p.slug()), p.reviewDates().lastReviewedOn(),
                p.reviewDates().nextReviewDue(), p.effectiveReviewDue());
    }
}
