package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.veritycms.editorial.ContentExport;

/** The content export as a download: every topic and page in the content format, with the signed revisions. */
@Path("/admin/export")
public class ExportScreen {

    @Inject
    AdminFrame frame;

    @Inject
    ContentExport export;

    @GET
    @Produces("application/zip")
    @RolesAllowed({"EDITOR", "ADMIN"})
    public Response exportContent() {
        return Response.ok(export.zip(frame.who()), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"verity-content.zip\"").build();
    }
}
