package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.veritycms.notification.MailSender;
import org.veritycms.notification.Outbox;
import org.veritycms.review.ReviewDashboard;
import org.veritycms.scheduling.JobHealth;
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

    @GET
    @Transactional
    public String show() {
        // readers' addresses are for administrators only
        boolean admin = frame.who().has(org.veritycms.account.Role.ADMIN);
        List<MessageRow> messages = outbox.recent(50).stream().map(n -> new MessageRow(n.kind(),
                admin ? n.recipient() : org.veritycms.shared.EmailMask.masked(n.recipient()), n.subject(),
                n.status().name(), n.attempts(), n.createdAt().toString(), n.lastError() == null ? "" : n.lastError())).toList();
        ReviewDashboard.View dashboard = reviews.view();
        long peak = Math.max(1, dashboard.forecast().stream().mapToLong(ReviewDashboard.Month::count).max().orElse(1));
        Map<String, Object> model = frame.model("Operations", "/admin/operations");
        model.put("jobs", jobs.statuses().stream().map(j -> new JobRow(j.job(), j.schedule(),
                j.lastRun() == null ? "" : j.lastRun().toString(), j.lastOutcome() == null ? "" : j.lastOutcome(),
                j.lastSuccess() == null ? "" : j.lastSuccess().toString(), j.lastItems(), j.late())).toList());
        model.put("messages", messages);
        model.put("destination", mail.destination());
        model.put("dashboard", dashboard);
        model.put("peak", peak);
        return theme.render("admin/operations.ftlh", model);
    }
}
