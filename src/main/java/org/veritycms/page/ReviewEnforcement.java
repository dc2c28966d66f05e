package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * The review scan's one status change: withdrawing a page overdue past its tier's threshold.
 * Readers already get 410 from that day whether or not the scan has run (see
 * {@link ReadablePagesRule}); the withdrawal records it, takes the page out of the workflow's
 * published lists and tells the people concerned.
 */
@ApplicationScoped
public class ReviewEnforcement {

    private final ReviewPolicy policy;

    @Inject
    public ReviewEnforcement(ReviewPolicy policy) {
        this.policy = policy;
    }

    protected ReviewEnforcement() {
        this(null);
    }

    /** Withdraws the page if it is published and overdue past the threshold today; whether it did. */
    public boolean withdrawIfOverdue(Page page, LocalDate today) {
        if (page.status() != PageStatus.PUBLISHED
                || policy.stateOf(page.effectiveReviewDue(), today, page.riskTier()) != ReviewState.WITHDRAWN) {
            return false;
        }
        page.withdrawOverdue();
        return true;
    }
}
