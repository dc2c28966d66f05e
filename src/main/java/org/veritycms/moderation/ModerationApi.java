package org.veritycms.moderation;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.veritycms.account.CurrentAccount;
import org.veritycms.comment.ReportReason;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/** {@code /api/v1/moderation}: the moderation queue and its decisions, for moderators. */
@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("MODERATOR")
public class ModerationApi {

    /** A comment with its reports and its log. */
    public record Detail(ModerationQueue.Item comment, List<Map<String, String>> reports, List<ModerationLog.Entry> log) {
    }

    /** The reason for a rejection (a code from {@code /reasons}) and an optional note for the log. */
    public record DecisionRequest(String reason, String note) {
    }

    /** One decision on many comments. */
    public record BulkRequest(String action, List<Long> ids, String reason, String note) {
    }

    /** The codes the queue filters and decisions use. */
    public record Reasons(List<String> rejection, List<String> report, List<String> screens) {
    }

    @Inject
    ModerationQueue queue;

    @Inject
    ModerationDecisions decisions;

    @Inject
    ModerationLog log;

    @Inject
    ScreeningPipeline pipeline;

    @Inject
    CurrentAccount current;

    @GET
    @Path("comments")
    public ModerationQueue.Result comments(@QueryParam("status") String status, @QueryParam("reason") String reason,
            @QueryParam("page") String page, @QueryParam("offset") int offset, @QueryParam("limit") int limit) {
        return queue.find(new ModerationQueue.Filter(status, reason, page, offset, limit));
    }

    @GET
    @Path("comments/{id: [0-9]{1,18}}")
    public Detail comment(@PathParam("id") long id) {
        return new Detail(queue.one(id), queue.reports(id), log.forComment(id));
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/approve")
    public ModerationDecisions.Decided approve(@PathParam("id") long id) {
        return decisions.decide(id, ModerationDecisions.Decision.APPROVE, moderator(), null, null);
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModerationDecisions.Decided reject(@PathParam("id") long id, DecisionRequest request) {
        DecisionRequest r = request == null ? new DecisionRequest(null, null) : request;
        return decisions.decide(id, ModerationDecisions.Decision.REJECT, moderator(), r.reason(), r.note());
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/spam")
    public ModerationDecisions.Decided spam(@PathParam("id") long id) {
        return decisions.decide(id, ModerationDecisions.Decision.SPAM, moderator(), null, null);
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/restore")
    public ModerationDecisions.Decided restore(@PathParam("id") long id) {
        return decisions.decide(id, ModerationDecisions.Decision.RESTORE, moderator(), null, null);
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ModerationDecisions.Decided> bulk(BulkRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty() || request.ids().size() > 500) {
            throw ProblemException.invalid("Name the comments to decide on.",
                    List.of(new Problem.FieldError("ids", "Give 1 to 500 comment ids.")));
        }
        ModerationDecisions.Decision decision = ModerationDecisions.Decision.fromCode(request.action())
                .orElseThrow(() -> ProblemException.invalid("Unknown action.", List.of(new Problem.FieldError("action",
                        "Use approve, reject, spam or restore."))));
        return decisions.decideAll(request.ids(), decision, moderator(), request.reason(), request.note());
    }

    @GET
    @Path("log")
    public List<ModerationLog.Entry> log(@QueryParam("comment") Long commentId, @QueryParam("offset") int offset,
            @QueryParam("limit") int limit) {
        return commentId != null ? log.forComment(commentId) : log.latest(offset, limit <= 0 ? 100 : limit);
    }

    @GET
    @Path("reasons")
    public Reasons reasons() {
        return new Reasons(Arrays.stream(RejectionReason.values()).map(RejectionReason::code).toList(),
                Arrays.stream(ReportReason.values()).map(ReportReason::code).toList(), pipeline.screenNames());
    }

    private String moderator() {
        return current.require().username();
    }
}
