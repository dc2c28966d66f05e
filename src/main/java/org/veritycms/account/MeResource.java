package org.veritycms.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/me}: who the API thinks you are. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "MODERATOR", "ADMIN"})
public class MeResource {

    /** The signed-in account as the API shows it. */
    public record Me(String username, String displayName, List<String> roles) {
    }

    @Inject
    CurrentAccount current;

    @GET
    public Me me() {
        SignedIn who = current.require();
        return new Me(who.username(), who.displayName(), who.roles().stream().map(Enum::name).sorted().toList());
    }
}
