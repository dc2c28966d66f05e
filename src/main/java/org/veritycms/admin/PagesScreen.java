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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.SignedIn;
import org.veritycms.editorial.ContentExport;
import org.veritycms.editorial.EditorialReads;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.editorial.PageEditor;
import org.veritycms.editorial.Transition;
import org.veritycms.page.Page;
import org.veritycms.page.PageStatus;
import org.veritycms.page.TopicRepository;
import org.veritycms.page.ReviewKind;
import org.veritycms.review.ReviewSignOff;
import org.veritycms.page.ReviewState;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.ThemeRenderer;

/**
 * The editors' screens under {@code /admin/pages}: the filtered list, the editor with preview,
 * workflow buttons, scheduling and review sign-off, the revision history and diffs. Plain forms
 * that post and redirect, so everything works without JavaScript.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class PagesScreen {

    /** A row of the page list. */
    public record Row(String slug, String title, String topic, String status, String owner, String due, String reviewState,
            String updated) {
    }

    /** A revision in the history. */
    public record RevisionRow(int number, String author, String created, String changeNote) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    EditorialReads reads;

    @Inject
    PageEditor editor;

    @Inject
    EditorPage editorPage;

    @Inject
    ReviewSignOff signOff;

    @Inject
    AccountRepository accounts;

    @Inject
    TopicRepository topics;

    @Inject
    ContentExport export;

    @Inject
    ThemeRenderer theme;

    @GET
    @Path("pages")
    public String list(@QueryParam("topic") String topic, @QueryParam("status") String status,
            @QueryParam("review") String review, @QueryParam("owner") String owner, @QueryParam("offset") int offset) {
        EditorialReads.Filter filter = new EditorialReads.Filter(topic, status, review, owner);
        Map<String, Object> model = frame.model("Pages", "/admin/pages");
        model.put("rows", reads.list(filter, offset, 100).stream().map(p -> new Row(p.slug(), p.title(), p.topic(),
                p.status(), p.owner(), p.effectiveReviewDue().toString(), p.reviewState(), frame.when(p.updatedAt()))).toList());
        model.put("filter", Map.of("topic", nz(topic), "status", nz(status), "review", nz(review), "owner", nz(owner)));
        model.put("topics", topics.findAll().stream().map(t -> t.slug()).toList());
        model.put("statuses", Arrays.stream(PageStatus.values()).map(Enum::name).toList());
        model.put("reviewStates", Arrays.stream(ReviewState.values()).map(Enum::name).toList());
        model.put("owners", reads.owners());
        model.put("offset", Math.max(0, offset));
        return theme.render("admin/pages.ftlh", model);
    }

    @GET
    @Path("pages/new")
    @RolesAllowed({"AUTHOR", "EDITOR"})
    public Response newPage() {
        return editorPage.blank(PageForm.blank(), List.of(), Response.Status.OK);
    }

    @POST
    @Path("pages/new")
    @RolesAllowed({"AUTHOR", "EDITOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        PageForm posted = PageForm.posted(form);
        if ("preview".equals(form.getFirst("action"))) {
            return editorPage.blankWithPreview(posted);
        }
        try {
            Page page = editor.create(editorPage.validated(posted.toInput()), frame.who());
            return Response.seeOther(URI.editor(page.slug(), "created")).build();
        } catch (ProblemException e) {
            return editorPage.blank(posted, List.of(e.problem()), Response.Status.fromStatusCode(e.problem().status()));
        }
    }

    @GET
    @Path("pages/{slug}")
    public Response edit(@PathParam("slug") String slug, @QueryParam("done") String done) {
        return editorPage.current(slug, done);
    }

    @POST
    @Path("pages/{slug}")
    @RolesAllowed({"AUTHOR", "EDITOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        PageForm posted = PageForm.posted(form);
        if ("preview".equals(form.getFirst("action"))) {
            return editorPage.withPreview(slug, posted);
        }
        try {
            editor.save(slug, editorPage.validated(posted.toInput()), frame.who());
            return Response.seeOther(URI.editor(slug, "saved")).build();
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return editorPage.withProblem(slug, posted, e.problem());
        }
    }

    @POST
    @Path("pages/{slug}/step")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        Transition step = Transition.parse(form.getFirst("step"));
        if (step == null) {
            throw ProblemException.badRequest("unknown-step", "Choose one of the workflow buttons.");
        }
        try {
            editor.transition(slug, step, time(form.getFirst("publishAt"), "publishAt"), form.getFirst("note"), frame.who());
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return editorPage.withNotice(slug, e.problem());
        }
        return Response.seeOther(URI.editor(slug, step.key())).build();
    }

    @POST
    @Path("pages/{slug}/schedule")
    @RolesAllowed("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        try {
            editor.schedule(slug, time(form.getFirst("publishAt"), "publishAt"), time(form.getFirst("expireAt"), "expireAt"),
                    frame.who());
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return editorPage.withNotice(slug, e.problem());
        }
        return Response.seeOther(URI.editor(slug, "scheduled")).build();
    }

    @POST
    @Path("pages/{slug}/review")
    @RolesAllowed({"CLINICAL_REVIEWER", "EDITOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        SignedIn who = frame.who();
        try {
            ReviewKind kind = kind(form.getFirst("kind"));
            String subject = form.getFirst("subject");
            Long mediaId = subject == null || subject.isBlank() || subject.equals("page") ? null : parseLong(subject, "subject");
            signOff.record(slug, new ReviewSignOff.Request(kind, mediaId, form.getFirst("scopeNotes"),
                    date(form.getFirst("nextDue")), form.getFirst("registrationNumber")),
                    accounts.findById(who.accountId()).orElseThrow());
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw e;
            }
            return editorPage.withNotice(slug, e.problem());
        }
        return Response.seeOther(URI.editor(slug, "reviewed")).build();
    }

    @GET
    @Path("pages/{slug}/revisions")
    public String revisions(@PathParam("slug") String slug) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        Map<String, Object> model = frame.model("Revisions of " + page.title(), "/admin/pages");
        model.put("page", page);
        model.put("revisions", reads.revisions(slug).stream().map(r -> new RevisionRow(r.number(), r.author(),
                frame.when(r.createdAt()), r.changeNote())).toList());
        return theme.render("admin/revisions.ftlh", model);
    }

    @GET
    @Path("pages/{slug}/revisions/{number: [0-9]{1,9}}")
    public String revision(@PathParam("slug") String slug, @PathParam("number") int number) {
        EditorialViews.RevisionDetail revision = reads.revision(slug, number);
        Map<String, Object> model = frame.model("Revision " + number, "/admin/pages");
        model.put("slug", slug);
        model.put("revision", revision);
        model.put("created", frame.when(revision.createdAt()));
        return theme.render("admin/revision.ftlh", model);
    }

    @GET
    @Path("pages/{slug}/diff")
    public String diff(@PathParam("slug") String slug, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("choose-revisions", "Choose two revisions to compare.");
        }
        Map<String, Object> model = frame.model("Changes from revision " + from + " to " + to, "/admin/pages");
        model.put("slug", slug);
        model.put("diff", reads.diff(slug, from, to));
        return theme.render("admin/diff.ftlh", model);
    }

    @GET
    @Path("export")
    @Produces("application/zip")
    @RolesAllowed({"EDITOR", "ADMIN"})
    public Response exportContent() {
        return Response.ok(export.zip(frame.who()), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"verity-content.zip\"").build();
    }

    /** A {@code datetime-local} value in the site's zone; blank for none. */
    private Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(frame.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("The " + field + " must be a date and time.",
                    List.of(new Problem.FieldError(field, "must be a date and time like 2026-12-01T09:00")));
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("The next review date must be a date.",
                    List.of(new Problem.FieldError("nextDue", "must be a date like 2027-11-30")));
        }
    }

    private static ReviewKind kind(String value) {
        try {
            return value == null ? null : ReviewKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long parseLong(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-" + field, "Choose what was reviewed.");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Where the editor lives. */
    static final class URI {
        private URI() {
        }

        static java.net.URI editor(String slug, String done) {
            return UriBuilder.fromPath("/admin/pages/{slug}").queryParam("done", done).build(slug);
        }
    }
}
