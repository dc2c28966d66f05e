package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.veritycms.site.Views.Link;

/**
 * A page's public review history, as a page under the guidance page. The same history as JSON is
 * {@link PublicApi}'s: a method here on an {@code api/v1/...} path would never be reached, since
 * requests under {@code /api/v1} go to the resources rooted there.
 */
@Path("/")
public class ReviewHistoryResource {

    @Inject
    ReviewHistory history;

    @Inject
    SiteRenderer renderer;

    @GET
    @Path("{topic: " + SiteResource.SLUG + "}/{slug: " + SiteResource.SLUG + "}/reviews")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String page(@PathParam("topic") String topic, @PathParam("slug") String slug) {
        ReviewHistory.View view = history.of(topic, slug);
        return renderer.render("review-history.ftlh", "Review history: " + view.title(),
                List.of(new Link(view.topic(), SiteViews.topicUrl(topic)), new Link(view.title(), view.pageUrl()),
                        new Link("Review history", view.pageUrl() + "/reviews")), Map.of("history", view));
    }
}
