package org.veritycms.page;

/** Why a page was taken off the site: it decides what may bring it back. */
public enum WithdrawalReason {
    /** Nobody reviewed it in time: a complete review brings it back. */
    REVIEW_OVERDUE,
    /** An editor took it down: only reopening it and the normal workflow bring it back. */
    EDITORIAL,
    /** An editor took it down because the advice may harm: as EDITORIAL, and said so in the record. */
    SAFETY;

    /** Whether a complete review, by itself, puts the page back. */
    public boolean liftedByReview() {
        return this == REVIEW_OVERDUE;
    }
}
