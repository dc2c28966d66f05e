package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Map;
import org.veritycms.editorial.EditorialReads;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.page.ChangeStatus;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewState;
import org.veritycms.page.TopicRepository;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.ThemeRenderer;

/**
 * The editors' page list: filtered, searched by title and sorted in the query string, so any list
 * can be bookmarked or linked from the dashboard. A live page with a change waiting shows both.
 */
@Path("/admin/pages")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class PageListScreen {

    static final int PAGE_SIZE = 100;

    /** A row of the list, in words. */
    public record Row(String slug, String title, String topic, String status, String change, boolean changedSinceReview,
            String owner, String due, String dueIso, String reviewState, String updated) {
    }

    /** A value to filter by and how it reads. */
    public record Choice(String value, String label) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    EditorialReads reads;

    @Inject
    TopicRepository topics;

    @Inject
    DateFormats dates;

    @Inject
    ThemeRenderer theme;

    @GET
    public String list(@QueryParam("topic") String topic, @QueryParam("status") String status,
            @QueryParam("review") String review, @QueryParam("owner") String owner, @QueryParam("q") String title,
            @QueryParam("sort") String sort, @QueryParam("offset") int offset) {
        EditorialReads.Filter filter = new EditorialReads.Filter(topic, status, review, owner, title, sort);
        Map<String, Object> model = frame.model("Pages", "/admin/pages");
        model.put("rows", reads.list(filter, Math.max(0, offset), PAGE_SIZE).stream().map(this::row).toList());
        model.put("filter", Map.of("topic", nz(topic), "status", nz(status), "review", nz(review), "owner", nz(owner),
                "q", nz(title), "sort", nz(sort)));
        model.put("topics", topics.findAll().stream().map(t -> new Choice(t.slug(), t.title())).toList());
        model.put("statuses", Arrays.stream(PageStatus.values()).map(s -> new Choice(s.name(), s.label())).toList());
        model.put("reviewStates", Arrays.stream(ReviewState.values()).map(s -> new Choice(s.name(), s.label())).toList());
        model.put("owners", reads.owners());
        model.put("sorts", Arrays.stream(PageRepository.EditorSort.values()).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList());
        model.put("offset", Math.max(0, offset));
        model.put("pageSize", PAGE_SIZE);
        return theme.render("admin/pages.ftlh", model);
    }

    private Row row(EditorialViews.PageRow p) {
        ChangeStatus change = ChangeStatus.valueOf(p.change());
        return new Row(p.slug(), p.title(), p.topic(), PageStatus.valueOf(p.status()).label(),
                change == ChangeStatus.NONE ? "" : change.label(), p.changedSinceReview(), p.owner(),
                dates.format(p.effectiveReviewDue()), p.effectiveReviewDue().toString(),
                ReviewState.valueOf(p.reviewState()).label(), frame.when(p.updatedAt()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
