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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "303", description = "To the page that asks the person to confirm",
            headers = @Header(name = "Location", required = true, description = "/unsubscribe?token=...",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    public Response openedInBrowser(@QueryParam("token") String token) {
        return Response.seeOther(URI.create("/unsubscribe?token="
                + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8))).build();
    }
}
