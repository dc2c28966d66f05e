package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** The public HTML pages: home, topic and guidance page, one shared page for every reader ({@link HttpCaching}). */
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
    Notices notices;

    @Inject
    HttpCaching caching;

    @Context
    HttpServletRequest request;

    @GET
    public Response home() {
        return answer(site.home());
    }

    @GET
    @Path("{topic: " + SLUG + "}")
    public Response topic(@PathParam("topic") String topic) {
        return answer(site.topic(topic));
    }

    @GET
    @Path("{topic: " + SLUG + "}/{slug: " + SLUG + "}")
    public Response page(@PathParam("topic") String topic, @PathParam("slug") String slug) {
        return answer(cache.get(topic, slug, clock.instant(), () -> site.page(topic, slug)));
    }

    /** The page as every reader gets it (the notices its address asks for included), or 304. */
    private Response answer(SharedPage page) {
        HttpCaching.Answer answer = caching.answer(page, notices.of(request), request, clock.instant());
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }
}
