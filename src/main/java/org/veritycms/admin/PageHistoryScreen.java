package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.veritycms.editorial.EditorialReads;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.ThemeRenderer;

/** A page's revision history: every revision, one revision as it read, and the diff between any two. */
@Path("/admin/pages")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class PageHistoryScreen {

    /** A revision in the history, in words. */
    public record RevisionRow(int number, String author, String created, String changeNote, boolean nonClinical,
            boolean live, boolean reviewed, boolean working) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    EditorialReads reads;

    @Inject
    ThemeRenderer theme;

    @GET
    @Path("{slug}/revisions")
    public String revisions(@PathParam("slug") String slug) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        Map<String, Object> model = frame.model("Revisions of " + page.title(), "/admin/pages");
        model.put("page", page);
        model.put("revisions", reads.revisions(slug).stream().map(r -> new RevisionRow(r.number(), r.author(),
                frame.when(r.createdAt()), r.changeNote(), r.nonClinical(),
                page.liveRevision() != null && page.liveRevision() == r.number(),
                page.reviewedRevision() != null && page.reviewedRevision() == r.number(),
                page.revision() == r.number())).toList());
        return theme.render("admin/revisions.ftlh", model);
    }

    @GET
    @Path("{slug}/revisions/{number: [0-9]{1,9}}")
    public String revision(@PathParam("slug") String slug, @PathParam("number") int number) {
        EditorialViews.RevisionDetail revision = reads.revision(slug, number);
        Map<String, Object> model = frame.model("Revision " + number, "/admin/pages");
        model.put("slug", slug);
        model.put("revision", revision);
        model.put("created", frame.when(revision.createdAt()));
        return theme.render("admin/revision.ftlh", model);
    }

    @GET
    @Path("{slug}/diff")
    public String diff(@PathParam("slug") String slug, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("choose-revisions", "Choose two revisions to compare.");
        }
        Map<String, Object> model = frame.model("Changes from revision " + from + " to " + to, "/admin/pages");
        model.put("slug", slug);
        model.put("diff", reads.diff(slug, from, to));
        return theme.render("admin/diff.ftlh", model);
    }
}
