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
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.veritycms.editorial.PageEditor;
import org.veritycms.editorial.PageInput;
import org.veritycms.editorial.StepInput;
import org.veritycms.editorial.Transition;
import org.veritycms.page.Page;
import org.veritycms.page.WithdrawalReason;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * The page editor under {@code /admin/pages}: one form per page holding its content, the workflow
 * steps and the schedule, so no step ever runs on text other than what the editor sees. A step
 * pressed with unsaved changes saves them first when it is a submission, and otherwise asks for
 * them to be saved (or undone) first: approving and publishing act only on saved revisions. The
 * publication time of the Publish step ({@code stepPublishAt}) and the one of the schedule
 * ({@code publishAt}) are separate fields: one form sends both.
 */
@Path("/admin/pages")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class PageEditorScreen {

    /** The button that adds a library item to the form's media list, without saving. */
    static final String ADD_MEDIA = "add-media";

    @Inject
    AdminFrame frame;

    @Inject
    PageEditor editor;

    @Inject
    PageEditorView view;

    @GET
    @Path("new")
    @RolesAllowed({"AUTHOR", "EDITOR"})
    public Response newPage() {
        return view.blank(PageForm.blank(), List.of());
    }

    @POST
    @Path("new")
    @RolesAllowed({"AUTHOR", "EDITOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        PageForm posted = PageForm.posted(form);
        FormValues values = new FormValues(form);
        if (ADD_MEDIA.equals(values.text("action"))) {
            return FormAttempt.of(() -> view.withLibraryItem(null, posted, values.id("libraryItem")),
                    problem -> view.blank(posted, List.of(problem)));
        }
        return FormAttempt.of(() -> {
            Page page = editor.create(view.validated(posted.toInput()), frame.who());
            return done(page.slug(), "created");
        }, problem -> view.blank(posted, List.of(problem)));
    }

    @GET
    @Path("{slug}")
    public Response edit(@PathParam("slug") String slug, @QueryParam("done") String done) {
        return view.current(slug, done);
    }

    @POST
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        PageForm posted = PageForm.posted(form);
        FormValues values = new FormValues(form);
        String action = values.text("action") == null ? "save" : values.text("action");
        return FormAttempt.of(() -> {
            if (action.equals("save")) {
                requireEditor();
                editor.save(slug, view.validated(posted.toInput()), frame.who());
                return done(slug, "saved");
            }
            if (action.equals(ADD_MEDIA)) {
                requireEditor();
                return view.withLibraryItem(slug, posted, values.id("libraryItem"));
            }
            if (action.equals("schedule")) {
                editor.schedule(slug, values.time("publishAt", frame.zone()), values.time("expireAt", frame.zone()),
                        frame.who());
                return done(slug, "scheduled");
            }
            if (action.startsWith("step:")) {
                return step(slug, Transition.parse(action.substring("step:".length())), posted, values);
            }
            throw ProblemException.badRequest("unknown-action", "Choose one of the buttons.");
        }, problem -> view.withProblem(slug, posted, problem));
    }

    private Response step(String slug, Transition step, PageForm posted, FormValues values) {
        if (step == null) {
            throw ProblemException.badRequest("unknown-step", "Choose one of the workflow buttons.");
        }
        Integer revision = values.number("revision");
        if (hasUnsavedChanges(slug, posted)) {
            if (step == Transition.SUBMIT) {
                editor.save(slug, view.validated(posted.toInput()), frame.who());
                revision = null;
            } else if (step != Transition.DISCARD) {
                throw ProblemException.conflict("unsaved-changes", "You have changes that are not saved: save them"
                        + " first (or undo them) before you " + step.label().toLowerCase(java.util.Locale.ROOT) + ".");
            }
        }
        editor.transition(slug, new StepInput(step, step.namesRevision() ? revision : null,
                values.time("stepPublishAt", frame.zone()), values.text("note"), values.choice("reason", WithdrawalReason.class),
                null), frame.who());
        return done(slug, step.key());
    }

    /** Whether the form carries content that differs from the working revision (only editors' forms carry it). */
    private boolean hasUnsavedChanges(String slug, PageForm posted) {
        if (posted.body().isEmpty() || !frame.who().hasAny(org.veritycms.account.Role.AUTHOR,
                org.veritycms.account.Role.EDITOR)) {
            return false;
        }
        PageInput input;
        try {
            input = posted.toInput();
        } catch (ProblemException unreadable) {
            return true;
        }
        return editor.differsFromWorkingCopy(slug, input);
    }

    private void requireEditor() {
        if (!frame.who().hasAny(org.veritycms.account.Role.AUTHOR, org.veritycms.account.Role.EDITOR)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed", "Your roles do not allow you to edit pages."));
        }
    }

    static Response done(String slug, String what) {
        return Response.seeOther(UriBuilder.fromPath("/admin/pages/{slug}").queryParam("done", what).build(slug)).build();
    }
}
