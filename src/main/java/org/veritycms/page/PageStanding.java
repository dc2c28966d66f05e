package org.veritycms.page;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What decides whether a reader may see a page at a moment, and the start of its review cycle: a
 * page's few columns, which hot paths read without loading the page ({@link PageRepository#standings}).
 * {@link Page#readabilityAt} is this rule.
 */
public record PageStanding(long id, String slug, PageStatus status, Instant publishAt, Instant expireAt,
        LocalDate effectiveReviewDue, RiskTier riskTier, LocalDate lastReviewedOn) {

    /**
     * What a reader gets at this moment, decided by the clock and the dates, whether or not any job
     * has run: the page, 410 (withdrawn, or overdue past the withdrawal threshold) or 404.
     */
    public Readability readabilityAt(Instant now, LocalDate today, ReviewPolicy policy) {
        if (status == PageStatus.WITHDRAWN) {
            return Readability.GONE;
        }
        if (!isVisibleAt(now)) {
            return Readability.NOT_FOUND;
        }
        return policy.stateOf(effectiveReviewDue, today, riskTier) == ReviewState.WITHDRAWN
                ? Readability.GONE : Readability.READABLE;
    }

    /** Whether the page is published and inside its publication window (review dates aside). */
    public boolean isVisibleAt(Instant now) {
        return status == PageStatus.PUBLISHED
                && (publishAt == null || !publishAt.isAfter(now))
                && (expireAt == null || expireAt.isAfter(now));
    }
}
