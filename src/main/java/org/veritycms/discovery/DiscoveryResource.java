package org.veritycms.discovery;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * {@code /sitemap.xml}, {@code /robots.txt}, {@code /feed.atom} and {@code /{topic}/feed.atom}.
 * Literal paths: they win over the site's {@code /{topic}} pages, and a file name with a dot never
 * matches a topic or page slug.
 */
@Path("/")
public class DiscoveryResource {

    static final String ATOM = "application/atom+xml;charset=UTF-8";

    @Inject
    DiscoveryDocuments documents;

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml;charset=UTF-8")
    public Response sitemap() {
        return shared(documents.sitemap());
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain;charset=UTF-8")
    public Response robots() {
        return shared(documents.robots());
    }

    @GET
    @Path("feed.atom")
    @Produces(ATOM)
    public Response feed() {
        return shared(documents.feed(null));
    }

    @GET
    @Path("{topic: [a-z0-9]+(?:-[a-z0-9]+)*}/feed.atom")
    @Produces(ATOM)
    public Response topicFeed(@PathParam("topic") String topic) {
        return shared(documents.feed(topic));
    }

    /** The same for every visitor: caches and proxies may keep it for a few minutes. */
    private static Response shared(String body) {
        return Response.ok(body).header("Cache-Control", "public, max-age=300").build();
    }
}
