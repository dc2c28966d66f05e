package org.veritycms.scheduling;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/jobs}: each scheduled job's last run, last success and whether it is late. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class JobsResource {

    @Inject
    JobHealth health;

    @GET
    public List<JobHealth.Status> jobs() {
        return health.statuses();
    }
}
