package org.veritycms.subscription;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The unsubscribe link in every topic e-mail (RFC 8058 one-click). A mail program POSTs to it
 * ({@code List-Unsubscribe=One-Click}) without cookies or a form token: the signed link is the
 * authority, which is why it lives under {@code /api/}. A person who opens it in a browser is sent
 * on to the page that asks them to confirm, so a link scanner following it changes nothing.
 */
@Path("/api/v1/subscriptions/unsubscribe")
public class SubscriptionApi {

    /** The answer to a one-click request: after it, this link names no subscription. */
    public record Unsubscribed(boolean subscribed) {
    }

    @Inject
    TopicUpdates updates;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Unsubscribed oneClick(@QueryParam("token") String token) {
        updates.unsubscribe(token);
        return new Unsubscribed(false);
    }

    @GET
    public Response openedInBrowser(@QueryParam("token") String token) {
        return Response.seeOther(URI.create("/unsubscribe?token="
                + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8))).build();
    }
}
