package org.veritycms.site;

import java.time.LocalDate;
import org.veritycms.page.Page;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.ReviewRecord;

/**
 * What a page's review box says: when it was last reviewed, by whom, when the next review falls
 * due, and whether corrections went live since. For a live page these are its own; for a preview
 * of a change they are the ones its approval would give it, or none yet.
 */
public record ReviewBox(LocalDate lastReviewed, LocalDate nextReviewDue, String reviewerName, String reviewerProfession,
        boolean changedSinceReview) {

    /** The box of the live page. */
    public static ReviewBox of(Page page) {
        ReviewDates dates = page.reviewDates();
        return new ReviewBox(dates.lastReviewedOn(), dates.nextReviewDue(),
                page.reviewedBy() == null ? null : page.reviewedBy().name(),
                page.reviewedBy() == null ? null : page.reviewedBy().profession(), page.changedSinceReview());
    }

    /** The box a page would have once published with this approval. */
    public static ReviewBox approvedBy(ReviewRecord approval) {
        return new ReviewBox(approval.reviewedOn(), approval.nextReviewDue(), approval.reviewerName(),
                approval.reviewerProfession(), false);
    }

    /** The box a page would have if this reviewer approved it today. */
    public static ReviewBox ifApproved(LocalDate today, LocalDate nextDue, String name, String profession) {
        return new ReviewBox(today, nextDue, name, profession, false);
    }

    /** No review yet: what an unreviewed draft would say (it cannot go live like this). */
    public static ReviewBox none(LocalDate nextDue) {
        return new ReviewBox(null, nextDue, null, null, false);
    }
}
