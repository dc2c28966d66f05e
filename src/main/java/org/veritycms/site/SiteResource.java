package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** The public HTML pages: home, topic and guidance page. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SiteResource {

    /** A topic or page slug in a public URL. */
    static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

    @Inject
    PublicSite site;

    @Inject
    PageCache cache;

    @Inject
    Clock clock;

    @Inject
    Visitors visitor;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @GET
    public String home() {
        return site.home();
    }

    @GET
    @Path("{topic: " + SLUG + "}")
    public String topic(@PathParam("topic") String topic) {
        return site.topic(topic);
    }

    @GET
    @Path("{topic: " + SLUG + "}/{slug: " + SLUG + "}")
    public Response page(@PathParam("topic") String topic, @PathParam("slug") String slug) {
        FillableHtml html = cache.get(topic, slug, clock.instant(), () -> site.page(topic, slug));
        return visitor.personalise(html, headers, request).build();
    }
}
