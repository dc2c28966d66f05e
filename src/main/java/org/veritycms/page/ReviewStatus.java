package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.veritycms.shared.VerityClock;

/** The review state of a page (by its effective due date) or a media item, today. */
@ApplicationScoped
public class ReviewStatus {

    @Inject
    ReviewPolicy policy;

    @Inject
    VerityClock clock;

    public ReviewState of(Page page) {
        return policy.stateOf(page.effectiveReviewDue(), clock.today(), page.riskTier());
    }

    public ReviewState of(MediaItem item) {
        return policy.stateOf(item.reviewDates().nextReviewDue(), clock.today(), item.page().riskTier());
    }

    public ReviewState of(LocalDate due, Page page) {
        return policy.stateOf(due, clock.today(), page.riskTier());
    }
}
