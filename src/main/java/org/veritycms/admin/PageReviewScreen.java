package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.veritycms.account.Account;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.editorial.EditorialReads;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.editorial.PageEditor;
import org.veritycms.editorial.StepInput;
import org.veritycms.editorial.Transition;
import org.veritycms.page.ReviewKind;
import org.veritycms.review.ReviewSignOff;
import org.veritycms.shared.Problem;
import org.veritycms.site.PagePreview;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.ThemeRenderer;

/**
 * The reviewer's screen: what they sign, exactly. For a page or change in review, the working
 * revision rendered as readers will see it (with the review box approving it would give) and the
 * diff against the revision last reviewed, with the approval form naming that revision. For a
 * live page, the live revision rendered and the periodic sign-off of it or of one of its media.
 */
@Path("/admin/pages")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class PageReviewScreen {

    /** A revision covered by the sign-off, in words. */
    public record CoveredRow(int number, String author, String saved, String note, boolean nonClinical, boolean yours) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    EditorialReads reads;

    @Inject
    PageEditor editor;

    @Inject
    ReviewSignOff signOff;

    @Inject
    AccountRepository accounts;

    @Inject
    PagePreview preview;

    @Inject
    DateFormats dates;

    @Inject
    ThemeRenderer theme;

    @GET
    @Path("{slug}/review")
    public Response show(@PathParam("slug") String slug) {
        return screen(slug, List.of(), Response.Status.OK);
    }

    /** The clinical approval of the working revision named in the form (or its return to draft). */
    @POST
    @Path("{slug}/approve")
    @RolesAllowed({"CLINICAL_REVIEWER", "EDITOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        FormValues values = new FormValues(form);
        Transition step = "return".equals(values.text("action")) ? Transition.RETURN : Transition.APPROVE;
        return FormAttempt.of(() -> {
            editor.transition(slug, new StepInput(step, values.number("revision"), null, values.text("note"), null,
                    values.date("nextDue")), frame.who());
            return PageEditorScreen.done(slug, step.key());
        }, problem -> screen(slug, List.of(problem), Response.Status.fromStatusCode(problem.status())));
    }

    /** The periodic review of the live revision, or of one of its media items at its revision. */
    @POST
    @Path("{slug}/review")
    @RolesAllowed({"CLINICAL_REVIEWER", "EDITOR"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOff(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        FormValues values = new FormValues(form);
        return FormAttempt.of(() -> {
            long[] media = mediaSubject(values.text("subject"));
            signOff.record(slug, new ReviewSignOff.Request(values.choice("kind", ReviewKind.class), values.number("revision"),
                    media == null ? null : media[0], media == null ? null : (int) media[1], values.text("scopeNotes"),
                    values.date("nextDue"),
                    values.text("registrationNumber")), accounts.findById(frame.who().accountId()).orElseThrow());
            return PageEditorScreen.done(slug, "reviewed");
        }, problem -> screen(slug, List.of(problem), Response.Status.fromStatusCode(problem.status())));
    }

    private Response screen(String slug, List<Problem> problems, Response.Status status) {
        SignedIn who = frame.who();
        EditorialViews.PageDetail page = reads.detail(slug, who);
        Map<String, Object> model = frame.model("Review: " + page.title(), "/admin/pages");
        model.put("page", page);
        model.put("problems", problems);
        boolean inReview = page.steps().contains(Transition.APPROVE.key())
                || "IN_REVIEW".equals(page.status()) || "IN_REVIEW".equals(page.change());
        model.put("inReview", inReview);
        model.put("canApprove", page.steps().contains(Transition.APPROVE.key()));
        model.put("canReturn", page.steps().contains(Transition.RETURN.key()));
        if (inReview) {
            model.put("workingPreview", preview.workingRevision(slug, who, "The revision under review, as readers will"
                    + " see it once approved and published."));
            model.put("workingDiff", reads.diffSinceReview(slug, page.revision()));
            model.put("workingCovered", covered(slug, page.revision(), who));
        }
        boolean hasLive = page.liveRevision() != null;
        model.put("hasLive", hasLive);
        if (hasLive) {
            model.put("livePreview", preview.live(slug, "The live revision, as readers see it now."));
            model.put("liveCovered", covered(slug, page.liveRevision(), who));
            model.put("liveDiff", page.liveRevision().equals(page.reviewedRevision()) ? null
                    : reads.diffSinceReview(slug, page.liveRevision()));
        }
        List<String> kinds = new ArrayList<>();
        if (who.has(Role.CLINICAL_REVIEWER)) {
            kinds.add(ReviewKind.FULL.name());
            kinds.add(ReviewKind.NO_CHANGE.name());
        }
        kinds.add(ReviewKind.PARTIAL.name());
        model.put("reviewKinds", kinds);
        model.put("canSignOff", hasLive && who.hasAny(Role.CLINICAL_REVIEWER, Role.EDITOR));
        Account account = accounts.findById(who.accountId()).orElseThrow();
        model.put("registration", account.registrationNumber() == null ? "" : account.registrationNumber());
        model.put("lastReviewed", page.lastReviewed() == null ? "" : dates.format(page.lastReviewed()));
        return Response.status(status).entity(theme.render("admin/page-review.ftlh", model))
                .type("text/html;charset=UTF-8").header("Cache-Control", "no-store").build();
    }

    private List<CoveredRow> covered(String slug, int revision, SignedIn who) {
        return reads.changeSinceReview(slug, revision).stream().map(r -> new CoveredRow(r.number(), r.author(),
                frame.when(r.createdAt()), r.changeNote(), r.nonClinical(), r.author().equals(who.username()))).toList();
    }

    /** "page", or a media item as the form names it: its id and the revision shown, "12:3". */
    private static long[] mediaSubject(String subject) {
        if (subject == null || subject.equals("page")) {
            return null;
        }
        String[] parts = subject.split(":", 2);
        try {
            return new long[] {Long.parseLong(parts[0]), Integer.parseInt(parts[1])};
        } catch (RuntimeException e) {
            throw org.veritycms.shared.ProblemException.invalid("Choose what was reviewed.",
                    List.of(new Problem.FieldError("subject", "must be the page or one of its media items")));
        }
    }
}
