package org.veritycms.page;

/** What kind of review was done. */
public enum ReviewKind {
    /** A full clinical review: resets the dates. */
    FULL,
    /** Reviewed in full and nothing needed changing: resets the dates the same way. */
    NO_CHANGE,
    /** Part of the content was reviewed: logged, dates unchanged. */
    PARTIAL;

    public boolean resetsDates() {
        return this != PARTIAL;
    }
}
