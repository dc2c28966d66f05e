package org.veritycms.page;

/** Where a page or media item stands against its next review date, always derived from the clock. */
public enum ReviewState {
    /** More than the first reminder's distance from its due date. */
    CURRENT,
    /** Due within the reminder window (60 days by default). */
    DUE_SOON,
    /** Due today. */
    DUE,
    /** Past its due date, less than the notice threshold. */
    OVERDUE,
    /** Overdue long enough that readers see a public notice. */
    NOTICE,
    /** Overdue long enough to be taken off the site. */
    WITHDRAWN;

    /** How people read it: "Due soon". */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public boolean showsPublicNotice() {
        return this == NOTICE;
    }
}
