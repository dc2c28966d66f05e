package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.veritycms.notification.MailSender;
import org.veritycms.notification.Outbox;
import org.veritycms.review.ReviewDashboard;
import org.veritycms.review.ReviewScanner;
import org.veritycms.scheduling.JobHealth;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.ThemeRenderer;

/** {@code /admin/operations}: scheduled jobs with their health, the mail outbox, and the review forecast. */
@Path("/admin/operations")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class OperationsScreen {

    /** One outbox row for the screen. */
    public record MessageRow(String kind, String recipient, String subject, String status, int attempts, String created,
            String lastError) {
    }

    /** One job for the screen. */
    public record JobRow(String job, String schedule, String lastRun, String lastOutcome, String lastSuccess, int lastItems,
            boolean late) {
    }

    @Inject
    JobHealth jobs;

    @Inject
    Outbox outbox;

    @Inject
    MailSender mail;

    @Inject
    ReviewDashboard reviews;

    @Inject
    AdminFrame frame;

    @Inject
    DateFormats dates;

    @Inject
    ThemeRenderer theme;

    @Inject
    RunNow runNow;

    @GET
    @Transactional
    public String show(@QueryParam("done") String done, @QueryParam("due") Integer due,
            @QueryParam("reminders") Integer reminders, @QueryParam("withdrawn") Integer withdrawn,
            @QueryParam("digests") Integer digests) {
        // readers' addresses are for administrators only
        boolean admin = frame.who().has(org.veritycms.account.Role.ADMIN);
        List<MessageRow> messages = outbox.recent(50).stream().map(n -> new MessageRow(n.kind(),
                admin ? n.recipient() : org.veritycms.shared.EmailMask.masked(n.recipient()), n.subject(),
                n.status().name(), n.attempts(), frame.when(n.createdAt()), n.lastError() == null ? "" : n.lastError())).toList();
        ReviewDashboard.View dashboard = reviews.view();
        long peak = Math.max(1, dashboard.forecast().stream().mapToLong(ReviewDashboard.Month::count).max().orElse(1));
        Map<String, Object> model = frame.model("Operations", "/admin/operations");
        model.put("jobs", jobs.statuses().stream().map(j -> new JobRow(j.job(), j.schedule(),
                frame.when(j.lastRun()), j.lastOutcome() == null ? "" : j.lastOutcome(),
                frame.when(j.lastSuccess()), j.lastItems(), j.late())).toList());
        model.put("messages", messages);
        model.put("destination", mail.destination());
        model.put("dashboard", dashboard);
        model.put("peak", peak);
        model.put("canRun", admin);
        model.put("done", "review-scan".equals(done) ? List.of(orZero(due), orZero(reminders), orZero(withdrawn), orZero(digests))
                : List.of());
        model.put("rebuildStarted", "search-rebuild".equals(done));
        return theme.render("admin/operations.ftlh", model);
    }

    /** An administrator starts the review scan or the search rebuild now; the screen shows what happened. */
    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("ADMIN")
    public Response run(@FormParam("task") String task) {
        String actor = frame.who().username();
        if ("review-scan".equals(task)) {
            ReviewScanner.Result r = runNow.reviewScan(actor);
            return Response.seeOther(URI.create("/admin/operations?done=review-scan&due=" + r.pagesDue() + "&reminders="
                    + r.remindersQueued() + "&withdrawn=" + r.withdrawn() + "&digests=" + r.digests() + "#run-now")).build();
        }
        if ("search-rebuild".equals(task)) {
            runNow.searchRebuild(actor);
            return Response.seeOther(URI.create("/admin/operations?done=search-rebuild#run-now")).build();
        }
        throw ProblemException.badRequest("unknown-task", "There is no task '" + task + "' to run: choose the review scan"
                + " or the search rebuild.");
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : Math.max(0, n);
    }
}
