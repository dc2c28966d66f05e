package org.veritycms.page;

import java.util.Locale;

/** Where a page stands in the editorial workflow. */
public enum PageStatus {
    DRAFT, IN_REVIEW, APPROVED, PUBLISHED, WITHDRAWN, ARCHIVED;

    /** How people read it: "In review". */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
