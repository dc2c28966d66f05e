package org.veritycms.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Schema(name = "ModerationDetail")
    public record Detail(ModerationQueue.Item comment, List<Map<String, String>> reports, List<ModerationLog.Entry> log) {
    }

    /**
     * The reason for a rejection (a code from {@code /reasons}) and an optional note for the log. The
     * reason is required: {@link ModerationDecisions} refuses a rejection without one.
     */
    @Schema(name = DecisionRequest.SCHEMA)
    public record DecisionRequest(@Schema(required = true, description = "A rejection reason code (see /reasons)") String reason,
            @Size(max = ModerationLog.MAX_NOTE) String note) {
        public static final String SCHEMA = "DecisionRequest";
    }

    /** One decision on many comments; a rejection needs its reason. */
    @Schema(name = BulkRequest.SCHEMA)
    public record BulkRequest(@Schema(required = true, description = "The decision to take on every comment named") String action,
            @Schema(required = true) @Size(min = 1, max = 500) List<Long> ids,
            @Schema(description = "A rejection reason code (see /reasons); required to reject") String reason,
            @Size(max = ModerationLog.MAX_NOTE) String note) {
        public static final String SCHEMA = "BulkRequest";
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
    @APIResponse(responseCode = "200", description = "One page of the comments that match")
    @APIResponse(responseCode = "400", description = "An unknown status, or an offset or limit that is not a whole number")
    public ModerationQueue.Result comments(
            @Parameter(description = "open (held and hidden, the default), all, or one status",
                    schema = @Schema(enumeration = {"open", "all", "pending", "published", "hidden", "rejected", "spam"}))
            @QueryParam("status") String status, @QueryParam("reason") String reason,
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
    @APIResponse(responseCode = "200", description = "The comment's status after the decision")
    @APIResponse(responseCode = "409", description = "The comment's status does not allow this decision")
    public ModerationDecisions.Decided approve(@PathParam("id") long id) {
        return decisions.decide(id, ModerationDecisions.Decision.APPROVE, moderator(), null, null);
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The comment's status after the decision")
    @APIResponse(responseCode = "409", description = "The comment's status does not allow a rejection")
    public ModerationDecisions.Decided reject(@PathParam("id") long id,
            @RequestBody(required = true) @Valid DecisionRequest request) {
        DecisionRequest r = request == null ? new DecisionRequest(null, null) : request;
        return decisions.decide(id, ModerationDecisions.Decision.REJECT, moderator(), r.reason(), r.note());
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/spam")
    @APIResponse(responseCode = "200", description = "The comment's status after the decision")
    @APIResponse(responseCode = "409", description = "The comment's status does not allow this decision")
    public ModerationDecisions.Decided spam(@PathParam("id") long id) {
        return decisions.decide(id, ModerationDecisions.Decision.SPAM, moderator(), null, null);
    }

    @POST
    @Path("comments/{id: [0-9]{1,18}}/restore")
    @APIResponse(responseCode = "200", description = "The comment's status after the decision")
    @APIResponse(responseCode = "409", description = "The comment's status does not allow this decision")
    public ModerationDecisions.Decided restore(@PathParam("id") long id) {
        return decisions.decide(id, ModerationDecisions.Decision.RESTORE, moderator(), null, null);
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "What became of each comment: decided, or why not (unknown id,"
            + " a status that does not allow the decision)")
    public List<ModerationDecisions.Decided> bulk(@RequestBody(required = true) @Valid BulkRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty() || request.ids().size() > 500) {
            throw ProblemException.invalid("Name the comments to decide on.",
                    List.of(new Problem.FieldError("ids", "Give 1 to 500 comment ids.")));
        }
        if (request.reason() != null && !request.reason().isBlank() && RejectionReason.fromCode(request.reason()).isEmpty()) {
            throw ProblemException.invalid("Unknown reason.", List.of(new Problem.FieldError("reason", "Use one of "
                    + String.join(", ", Arrays.stream(RejectionReason.values()).map(RejectionReason::code).toList()) + ".")));
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
