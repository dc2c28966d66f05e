package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.editorial.EditorialReads;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.moderation.ModerationQueue;
import org.veritycms.page.PageStatus;
import org.veritycms.review.ReviewDashboard;
import org.veritycms.theme.ThemeRenderer;

/**
 * {@code /admin}: the signed-in person's tasks, by the roles they hold (drafts to finish, pages
 * waiting for their review or for publication, reviews falling due, comments to moderate), and
 * the review forecast as a chart.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "MODERATOR", "ADMIN"})
public class DashboardScreen {

    private static final int LIMIT = 50;

    /** A task as the dashboard lists it. */
    public record TaskRow(String slug, String title, String topic, String lastAuthor, String updated) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    EditorialReads reads;

    @Inject
    ReviewDashboard reviews;

    @Inject
    ModerationQueue moderation;

    @Inject
    ThemeRenderer theme;

    @GET
    public String show() {
        SignedIn who = frame.who();
        Map<String, Object> model = frame.model("Dashboard", "/admin");
        boolean pagesRole = who.hasAny(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER);
        model.put("drafts", rows(who.hasAny(Role.AUTHOR, Role.EDITOR) ? reads.waiting(PageStatus.DRAFT, LIMIT) : List.of()));
        List<EditorialViews.Task> inReview = who.hasAny(Role.CLINICAL_REVIEWER, Role.EDITOR)
                ? reads.waiting(PageStatus.IN_REVIEW, LIMIT) : List.of();
        model.put("toApprove", rows(who.has(Role.CLINICAL_REVIEWER)
                ? inReview.stream().filter(t -> !t.lastAuthor().equals(who.username())).toList() : List.of()));
        model.put("inReview", rows(who.has(Role.CLINICAL_REVIEWER) ? List.of() : inReview));
        model.put("toPublish", rows(who.has(Role.EDITOR) ? reads.waiting(PageStatus.APPROVED, LIMIT) : List.of()));
        model.put("showReviews", pagesRole || who.has(Role.ADMIN));
        if (pagesRole || who.has(Role.ADMIN)) {
            ReviewDashboard.View view = reviews.view();
            model.put("dashboard", view);
            model.put("peak", Math.max(1, view.forecast().stream().mapToLong(ReviewDashboard.Month::count).max().orElse(1)));
        }
        model.put("pendingComments", who.has(Role.MODERATOR)
                ? moderation.find(new ModerationQueue.Filter("open", null, null, 0, 1)).total() : -1L);
        model.put("exporter", who.hasAny(Role.EDITOR, Role.ADMIN));
        return theme.render("admin/home.ftlh", model);
    }

    private List<TaskRow> rows(List<EditorialViews.Task> tasks) {
        return tasks.stream().map(t -> new TaskRow(t.slug(), t.title(), t.topic(), t.lastAuthor(), frame.when(t.updatedAt())))
                .toList();
    }
}
