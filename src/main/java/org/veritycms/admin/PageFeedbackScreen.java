package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.rating.FeedbackTrigger;
import org.veritycms.rating.RatingService;
import org.veritycms.rating.RatingSummary;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.ThemeRenderer;

/**
 * What readers said about a page: this review cycle's ratings by stars, the flag their low ratings
 * raised (with the reason one of them gave), and every note left with a low rating, newest first.
 */
@Path("/admin/pages/{slug}/feedback")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
public class PageFeedbackScreen {

    /** A reader's note, in words. */
    public record Note(int stars, String text, String when) {
    }

    /** One star level of this cycle's ratings. */
    public record Level(int stars, int count, int percent) {
    }

    @Inject
    PageRepository pages;

    @Inject
    RatingService ratings;

    @Inject
    FeedbackTrigger trigger;

    @Inject
    AdminFrame frame;

    @Inject
    DateFormats dates;

    @Inject
    ThemeRenderer theme;

    @GET
    @Transactional
    public String show(@PathParam("slug") String slug) {
        Page page = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        LocalDate cycle = RatingService.cycleOf(page);
        RatingSummary summary = ratings.summary(page.id(), cycle, false);
        Map<String, Object> model = frame.model("Readers' feedback on " + page.title(), "/admin/pages");
        model.put("slug", page.slug());
        model.put("title", page.title());
        model.put("cycle", dates.format(cycle));
        model.put("count", summary.count());
        model.put("levels", List.of(5, 4, 3, 2, 1).stream()
                .map(s -> new Level(s, summary.distribution().get(s - 1), summary.percent(s))).toList());
        model.put("flag", trigger.flaggedPages().stream().filter(f -> f.slug().equals(page.slug())).findFirst().orElse(null));
        model.put("notes", ratings.feedback(page.id(), 500).stream()
                .map(f -> new Note(f.stars(), f.text(), frame.when(f.at()))).toList());
        return theme.render("admin/feedback.ftlh", model);
    }
}
