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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.veritycms.account.ReaderForm;
import org.veritycms.comment.FormStamps;
import org.veritycms.moderation.CommentIntake;
import org.veritycms.moderation.ReaderReports;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.RateLimits;
import org.veritycms.shared.ReaderTokens;

/**
 * The public comment forms: writing a comment or a reply (a page of its own, for one reader, with
 * the signed time it was shown), posting it, and reporting a comment. They work without JavaScript:
 * each POST answers 303 back to the page, at the address that shows the reader's notice. They are
 * {@link ReaderForm}s (the forgery check is the browser's word on where they come from); the reader
 * cookie is given with the first answer; writes are rate-limited per reader and per address.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CommentForms {

    /** A page only one reader sees: no cache keeps it, no search engine lists it. */
    static final String PRIVATE = "private, no-store";

    @Inject
    CommentIntake intake;

    @Inject
    ReaderReports reports;

    @Inject
    CommentSection section;

    @Inject
    PublicSite site;

    @Inject
    SiteRenderer renderer;

    @Inject
    Visitors visitors;

    @Inject
    FormStamps stamps;

    @Inject
    Clock clock;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{topic: [a-z0-9]+(?:-[a-z0-9]+)*}/{slug: [a-z0-9]+(?:-[a-z0-9]+)*}/comment")
    public Response write(@PathParam("topic") String topic, @PathParam("slug") String slug, @QueryParam("reply") String reply) {
        String html = site.commentForm(topic, slug, replyId(reply), stamps.issue(clock.instant()));
        return Response.ok(html).header("Cache-Control", PRIVATE).header("X-Robots-Tag", "noindex").build();
    }

    @POST
    @ReaderForm
    @Path("{topic: [a-z0-9]+(?:-[a-z0-9]+)*}/{slug: [a-z0-9]+(?:-[a-z0-9]+)*}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("topic") String topic, @PathParam("slug") String slug,
            @FormParam("name") String name, @FormParam("email") String email, @FormParam("body") String body,
            @FormParam("website") String honeypot, @FormParam("shown") String shown, @FormParam("parent") String parent) {
        ReaderTokens.Reader writer = visitors.writer(headers);
        limits.checkReader("comment", writer.knownId(), addresses.of(request));
        CommentIntake.Outcome outcome = intake.submit(new CommentIntake.NewComment(topic, slug, parentId(parent), name,
                email, body, honeypot, shown, writer.id()));
        if (outcome.result() == CommentIntake.Result.REFUSED) {
            return visitors.answer(writer, refused(topic, slug, outcome, new CommentViews.RetryView(outcome.pageTitle(),
                    SiteViews.pageUrl(topic, slug), SiteViews.pageUrl(topic, slug) + "/comments",
                    stamps.issue(clock.instant()), parent == null ? "" : parent.strip(), name, email, body,
                    CommentPlaceholders.refusalReasons(outcome.reasons()))), request).build();
        }
        String notice = switch (outcome.result()) {
            case PUBLISHED -> "published";
            case HELD -> "held";
            // HELD_FOR_SAFEGUARDING; REFUSED was answered above
            default -> "help";
        };
        String anchor = outcome.result() == CommentIntake.Result.PUBLISHED ? "comment-" + outcome.commentId() : "comments";
        return visitors.answer(writer, Response.seeOther(
                URI.create(SiteViews.pageUrl(topic, slug) + "?comment=" + notice + "#" + anchor)), request).build();
    }

    /**
     * What the reader wrote comes back in the form with why it was refused, rather than being
     * lost; the page is theirs alone, so nobody may keep a copy.
     */
    private Response.ResponseBuilder refused(String topic, String slug, CommentIntake.Outcome outcome, CommentViews.RetryView retry) {
        String html = renderer.render("comment-retry.ftlh", "Your comment was not posted",
                List.of(new Views.Link(outcome.pageTitle(), SiteViews.pageUrl(topic, slug))), Map.of("retry", retry));
        return Response.status(422).entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", PRIVATE).header("X-Robots-Tag", "noindex");
    }

    @GET
    @Path("comments/{id: [0-9]{1,18}}/report")
    public Response reportForm(@PathParam("id") long id) {
        CommentViews.ReportView view = section.toReport(id)
                .orElseThrow(() -> ProblemException.notFound("There is no comment " + id + " to report."));
        String html = renderer.render("comment-report.ftlh", "Report a comment",
                List.of(new Views.Link(view.pageTitle(), view.pageUrl())), Map.of("report", view));
        // the comment may be taken down at any moment: nobody keeps a copy of the form
        return Response.ok(html).header("Cache-Control", "no-cache").header("X-Robots-Tag", "noindex").build();
    }

    @POST
    @ReaderForm
    @Path("comments/{id: [0-9]{1,18}}/report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("id") long id, @FormParam("reason") String reason, @FormParam("note") String note) {
        ReaderTokens.Reader writer = visitors.writer(headers);
        String address = addresses.of(request);
        limits.checkReader("comment-report", writer.knownId(), address);
        ReaderReports.Outcome outcome = reports.report(id, new ReaderReports.Reporter(writer.id(), addresses.hash(address)), reason, note);
        String notice = outcome.result() == ReaderReports.Result.RECORDED ? "reported" : "already-reported";
        return visitors.answer(writer, Response.seeOther(URI.create(SiteViews.pageUrl(outcome.topicSlug(), outcome.pageSlug())
                + "?comment=" + notice + "#comment-" + id)), request).build();
    }

    /** The comment a reader asked to answer; anything but an id is no comment at all. */
    private static Long replyId(String reply) {
        if (reply == null || !reply.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(reply.strip());
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
