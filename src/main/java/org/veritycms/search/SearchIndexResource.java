package org.veritycms.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/search/rebuild}: administrators rebuild the search index and watch it finish. */
@Path("/api/v1/search/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class SearchIndexResource {

    @Inject
    SearchIndex index;

    /** Starts a rebuild in the background (or joins the running one): 202 with its status. */
    @POST
    @APIResponse(responseCode = "202", description = "The rebuild runs in the background; its status now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SearchIndex.Status.class)))
    public Response rebuild() {
        index.rebuild();
        return Response.accepted(index.status()).build();
    }

    @GET
    public SearchIndex.Status status() {
        return index.status();
    }
}
