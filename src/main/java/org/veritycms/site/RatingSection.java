package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veritycms.page.Page;
import org.veritycms.rating.RatingDisplay;
import org.veritycms.rating.RatingService;
import org.veritycms.rating.RatingSummary;
import org.veritycms.theme.ThemeRenderer;

/** The "How helpful is this page?" widget's view, and its per-request thank-you. */
@ApplicationScoped
public class RatingSection {

    static final String THANKS_NAME = "rating_thanks";
    /** Where the thank-you after rating goes in the cached page. */
    public static final String THANKS = Visitors.placeholder(THANKS_NAME);

    /** One bar of the distribution. */
    public record Bar(int stars, int count, int percent) {
    }

    /** A summary as the template shows it. */
    public record SummaryView(int count, boolean averageShown, String average, List<Bar> bars) {
    }

    /** The widget. */
    public record View(String action, SummaryView currentCycle, SummaryView allTime, String thanks) {
    }

    @Inject
    RatingService ratings;

    @Inject
    RatingDisplay display;

    @Inject
    ThemeRenderer theme;

    public View of(Page page) {
        LocalDate cycle = RatingService.cycleOf(page);
        return new View(SiteViews.pageUrl(page.topic().slug(), page.slug()) + "/rating",
                view(ratings.summary(page.id(), cycle, false)), view(ratings.summary(page.id(), cycle, true)), THANKS);
    }

    private SummaryView view(RatingSummary s) {
        List<Bar> bars = new ArrayList<>();
        for (int stars = 5; stars >= 1; stars--) {
            bars.add(new Bar(stars, s.distribution().get(stars - 1), s.percent(stars)));
        }
        return new SummaryView(s.count(), display.showsAverage(s), String.format(Locale.UK, "%.1f", s.average()), bars);
    }

    /** The thank-you when the reader has just rated ({@code ?rated=1}), or nothing. */
    String thanks(HttpServletRequest request) {
        return "1".equals(request.getParameter("rated")) ? theme.render("rating-thanks.ftlh", Map.of()) : "";
    }
}
