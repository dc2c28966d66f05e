package org.veritycms.discovery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.veritycms.page.Page;

/**
 * The latest thing that happened to a page that a reader would want to hear about: a clinical
 * review or an edit, whichever came later (a review wins a tie: it is the stronger signal).
 */
public record PageChange(Kind kind, Instant at, LocalDate day) {

    /** What happened. */
    public enum Kind { REVIEWED, UPDATED }

    public static PageChange of(Page page, ZoneId zone) {
        LocalDate updatedDay = LocalDate.ofInstant(page.updatedAt(), zone);
        LocalDate reviewed = page.reviewDates().lastReviewedOn();
        if (reviewed != null && !reviewed.isBefore(updatedDay)) {
            Instant reviewedAt = reviewed.equals(updatedDay) ? page.updatedAt() : reviewed.atStartOfDay(zone).toInstant();
            return new PageChange(Kind.REVIEWED, reviewedAt, reviewed);
        }
        return new PageChange(Kind.UPDATED, page.updatedAt(), updatedDay);
    }

    /** The later of last reviewed and last updated, as a day: a sitemap's {@code lastmod}. */
    public static LocalDate lastModified(Page page, ZoneId zone) {
        return of(page, zone).day();
    }
}
