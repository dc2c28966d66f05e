package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.veritycms.editorial.PageEditor;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.site.PagePreview;
import org.veritycms.theme.ThemeRenderer;

/**
 * Previews as readers will see them: the whole page in the public theme with its media, sources
 * and the review box it would go live with. The editor's Preview button posts the form here into
 * a new tab, so the editor keeps their text; the same checks a save makes run first.
 */
@Path("/admin/pages")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class PagePreviewScreen {

    @Inject
    AdminFrame frame;

    @Inject
    PageEditor editor;

    @Inject
    PageEditorView editorView;

    @Inject
    PagePreview preview;

    @Inject
    ThemeRenderer theme;

    /** A saved revision: the working one (what would go live) or the live one. */
    @GET
    @Path("{slug}/preview")
    public Response saved(@PathParam("slug") String slug, @QueryParam("of") String of) {
        String html = "live".equals(of) ? preview.live(slug, "Preview of the live revision, as readers see it now.")
                : preview.workingRevision(slug, frame.who(), "Preview of the working revision, as readers would see it"
                        + " once published.");
        return page(html, Response.Status.OK);
    }

    @POST
    @Path("{slug}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response posted(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        return render(slug, PageForm.posted(form));
    }

    @POST
    @Path("new/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postedNew(MultivaluedMap<String, String> form) {
        PageForm posted = PageForm.posted(form);
        if (posted.slug().isBlank()) {
            return problems(ProblemException.invalid("Give the page an address to preview it.",
                    List.of(new Problem.FieldError("slug", "is required"))).problem());
        }
        return render(posted.slug(), posted);
    }

    private Response render(String slug, PageForm posted) {
        try {
            PageEditor.Checked checked = editor.check(editorView.validated(posted.toInput()), slug);
            String note = "Preview of text that is not saved yet."
                    + (checked.warnings().isEmpty() ? "" : " " + String.join(" ", checked.warnings()));
            return page(preview.posted(slug, posted.topic(), checked.source(), frame.who(), note), Response.Status.OK);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return problems(e.problem());
        }
    }

    private Response problems(Problem problem) {
        Map<String, Object> model = frame.model("Preview", "/admin/pages");
        model.put("problem", problem);
        return Response.status(problem.status()).entity(theme.render("admin/preview-problems.ftlh", model))
                .type("text/html;charset=UTF-8").header("Cache-Control", "no-store").build();
    }

    private static Response page(String html, Response.Status status) {
        return Response.status(status).entity(html).type("text/html;charset=UTF-8").header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex").build();
    }
}
