package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.account.CurrentAccount;
import org.veritycms.comment.CommentStatus;
import org.veritycms.comment.ReportReason;
import org.veritycms.moderation.ModerationDecisions;
import org.veritycms.moderation.ModerationDecisions.Decision;
import org.veritycms.moderation.ModerationLog;
import org.veritycms.moderation.ModerationQueue;
import org.veritycms.moderation.RejectionReason;
import org.veritycms.moderation.ScreeningPipeline;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.ThemeRenderer;

/**
 * The moderation queue at {@code /admin/moderation}: filter, then decide on one comment or tick
 * several and decide on them together. Plain forms, so it works without JavaScript.
 */
@Path("/admin/moderation")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed("MODERATOR")
public class ModerationScreen {

    /** A queue item and when it was posted, as a moderator reads it. */
    public record Row(ModerationQueue.Item item, String posted, List<String> reportNotes) {
    }

    /** A log entry and when it was made. */
    public record LogRow(ModerationLog.Entry entry, String at) {
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

    @Inject
    AdminFrame frame;

    @Inject
    ThemeRenderer theme;

    @Inject
    @ConfigProperty(name = "verity.zone", defaultValue = "Europe/London")
    String zone;

    @GET
    public String queue(@QueryParam("status") String status, @QueryParam("reason") String reason,
            @QueryParam("page") String page, @QueryParam("offset") int offset, @QueryParam("limit") int limit,
            @QueryParam("done") Integer done, @QueryParam("skipped") Integer skipped) {
        ModerationQueue.Filter filter = new ModerationQueue.Filter(status, reason, page, offset, limit);
        ModerationQueue.Result result = queue.find(filter);
        Map<String, Object> model = base("Moderation queue");
        model.put("filter", filter);
        model.put("total", result.total());
        model.put("rows", result.items().stream().map(i -> new Row(i, when(Instant.parse(i.createdAt())), reportNotes(i))).toList());
        model.put("statuses", statusOptions());
        model.put("reasons", reasonOptions());
        model.put("rejections", Arrays.stream(RejectionReason.values()).map(RejectionReason::code).toList());
        model.put("done", done == null ? -1 : done);
        model.put("skipped", skipped == null ? 0 : skipped);
        model.put("next", result.offset() + result.limit() < result.total() ? result.offset() + result.limit() : -1);
        return theme.render("admin/moderation.ftlh", model);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(MultivaluedMap<String, String> form) {
        String moderator = current.require().username();
        List<ModerationDecisions.Decided> results;
        String one = form.getFirst("decide");
        if (one != null) {
            String[] parts = one.split(":", 2);
            long id = parseId(parts.length == 2 ? parts[1] : "");
            results = decisions.decideAll(List.of(id), decision(parts[0]), moderator, form.getFirst("reason-" + id),
                    form.getFirst("note"));
        } else {
            List<Long> ids = new ArrayList<>();
            for (String id : form.getOrDefault("id", List.of())) {
                ids.add(parseId(id));
            }
            if (ids.isEmpty() || ids.size() > 500) {
                throw ProblemException.invalid("Tick the comments to decide on.",
                        List.of(new Problem.FieldError("id", "Tick 1 to 500 comments.")));
            }
            results = decisions.decideAll(ids, decision(form.getFirst("bulk")), moderator, form.getFirst("bulkReason"),
                    form.getFirst("note"));
        }
        long applied = results.stream().filter(ModerationDecisions.Decided::applied).count();
        UriBuilder back = UriBuilder.fromPath("/admin/moderation");
        for (String key : List.of("status", "reason", "page")) {
            String value = form.getFirst(key);
            if (value != null && !value.isBlank()) {
                back.queryParam(key, value);
            }
        }
        return Response.seeOther(back.queryParam("done", applied).queryParam("skipped", results.size() - applied).build())
                .build();
    }

    @GET
    @Path("log")
    public String log(@QueryParam("offset") int offset) {
        Map<String, Object> model = base("Moderation log");
        model.put("entries", log.latest(offset, 100).stream().map(e -> new LogRow(e, when(Instant.parse(e.at())))).toList());
        model.put("offset", Math.max(0, offset));
        return theme.render("admin/moderation-log.ftlh", model);
    }

    private Map<String, Object> base(String title) {
        return frame.model(title, "/admin/moderation");
    }

    private List<String> statusOptions() {
        List<String> options = new ArrayList<>(List.of("open", "all"));
        Arrays.stream(CommentStatus.values()).map(Enum::name).forEach(options::add);
        return options;
    }

    private List<String> reasonOptions() {
        List<String> options = new ArrayList<>(pipeline.screenNames());
        options.add("premoderated");
        options.add("reported");
        Arrays.stream(ReportReason.values()).map(ReportReason::code).filter(c -> !options.contains(c)).forEach(options::add);
        return options;
    }

    private String when(Instant instant) {
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of(zone)).format(instant);
    }

    private static Decision decision(String code) {
        return Decision.fromCode(code).orElseThrow(() -> ProblemException.badRequest("unknown-decision",
                "Choose approve, reject, spam or restore."));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("unknown-comment", "Not a comment number: " + id);
        }
    }

    /** What readers wrote when they reported the comment, oldest first (reports without a note leave nothing). */
    private List<String> reportNotes(ModerationQueue.Item item) {
        return item.reportCount() == 0 ? List.of() : queue.reports(item.id()).stream().map(r -> r.get("note"))
                .filter(note -> note != null && !note.isBlank()).toList();
    }
}
