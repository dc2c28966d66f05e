package org.veritycms.page;

import java.util.Locale;

/**
 * Where a change to a live page stands. The live revision keeps serving, unchanged, until the
 * change is approved and published (or published as a non-clinical correction).
 */
public enum ChangeStatus {
    /** No change waiting: the working revision is the live one. */
    NONE,
    /** Being written. */
    DRAFT,
    /** Waiting for a clinical reviewer. */
    IN_REVIEW,
    /** Signed off by a clinical reviewer, waiting for an editor to publish it. */
    APPROVED;

    public String label() {
        String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
