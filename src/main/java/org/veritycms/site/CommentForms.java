package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritycms.account.CurrentAccount;
import org.veritycms.moderation.CommentIntake;
import org.veritycms.moderation.ReaderReports;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.RateLimits;

/**
 * The public comment forms: posting a comment or a reply, and reporting a comment. They work
 * without JavaScript: each POST answers 303 back to the page, with a notice for the reader.
 * The CSRF filter has already checked the token; writes are rate-limited per reader and per address.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CommentForms {

    @Inject
    CommentIntake intake;

    @Inject
    ReaderReports reports;

    @Inject
    CommentSection section;

    @Inject
    SiteRenderer renderer;

    @Inject
    Visitors visitors;

    @Inject
    CurrentAccount current;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @POST
    @Path("{topic: [a-z0-9]+(?:-[a-z0-9]+)*}/{slug: [a-z0-9]+(?:-[a-z0-9]+)*}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("topic") String topic, @PathParam("slug") String slug,
            @FormParam("name") String name, @FormParam("email") String email, @FormParam("body") String body,
            @FormParam("website") String honeypot, @FormParam("shown") String shown, @FormParam("parent") String parent) {
        String reader = reader();
        limits.checkReader("comment", Optional.of(reader), addresses.of(request));
        CommentIntake.Outcome outcome = intake.submit(new CommentIntake.NewComment(topic, slug, parentId(parent), name,
                email, body, honeypot, shown, reader));
        if (outcome.result() == CommentIntake.Result.REFUSED) {
            return refused(topic, slug, outcome, new CommentViews.RetryView(outcome.pageTitle(),
                    SiteViews.pageUrl(topic, slug), SiteViews.pageUrl(topic, slug) + "/comments",
                    CommentPlaceholders.STAMP, parent == null ? "" : parent.strip(), name, email, body,
                    CommentPlaceholders.refusalReasons(outcome.reasons())));
        }
        String notice = switch (outcome.result()) {
            case PUBLISHED -> "published";
            case HELD -> "held";
            // HELD_FOR_SAFEGUARDING; REFUSED was answered above
            default -> "help";
        };
        String anchor = outcome.result() == CommentIntake.Result.PUBLISHED ? "comment-" + outcome.commentId() : "comments";
        return Response.seeOther(URI.create(SiteViews.pageUrl(topic, slug) + "?comment=" + notice + "#" + anchor)).build();
    }

    /**
     * What the reader wrote comes back in the form with why it was refused, rather than being
     * lost; the page is theirs alone, so nobody may keep a copy.
     */
    private Response refused(String topic, String slug, CommentIntake.Outcome outcome, CommentViews.RetryView retry) {
        String html = renderer.render("comment-retry.ftlh", "Your comment was not posted",
                List.of(new Views.Link(outcome.pageTitle(), SiteViews.pageUrl(topic, slug))),
                Map.of("retry", retry, "csrf", Visitors.CSRF_PLACEHOLDER));
        return visitors.personalise(html, headers, request).status(422).header("Cache-Control", null).header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex").build();
    }

    @GET
    @Path("comments/{id: [0-9]{1,18}}/report")
    public Response reportForm(@PathParam("id") long id) {
        CommentViews.ReportView view = section.toReport(id)
                .orElseThrow(() -> ProblemException.notFound("There is no comment " + id + " to report."));
        String html = renderer.render("comment-report.ftlh", "Report a comment",
                List.of(new Views.Link(view.pageTitle(), view.pageUrl())),
                Map.of("report", view, "csrf", Visitors.CSRF_PLACEHOLDER));
        return visitors.personalise(html, headers, request).header("X-Robots-Tag", "noindex").build();
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("id") long id, @FormParam("reason") String reason, @FormParam("note") String note) {
        String reader = reader();
        String address = addresses.of(request);
        limits.checkReader("comment-report", Optional.of(reader), address);
        ReaderReports.Outcome outcome = reports.report(id, new ReaderReports.Reporter(reader, addresses.hash(address)), reason, note);
        String notice = outcome.result() == ReaderReports.Result.RECORDED ? "reported" : "already-reported";
        return Response.seeOther(URI.create(SiteViews.pageUrl(outcome.topicSlug(), outcome.pageSlug()) + "?comment="
                + notice + "#comment-" + id)).build();
    }

    /** The reader's id from their cookie; staff signed in without one are told apart by account. */
    private String reader() {
        return visitors.readerId(headers)
                .or(() -> current.get().map(s -> "account:" + s.username()))
                .orElseThrow(() -> new ProblemException(Problem.of(403, "csrf", "Form expired",
                        "This form has expired or did not come from this site. Go back, reload the page and try again.")));
    }

    private static Long parentId(String parent) {
        if (parent == null || parent.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(parent.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Some fields are not valid.",
                    List.of(new Problem.FieldError("parent", "Not a comment to reply to.")));
        }
    }
}
