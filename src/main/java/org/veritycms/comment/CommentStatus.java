package org.veritycms.comment;

/** Where a comment stands: only {@link #PUBLISHED} comments are shown to readers. */
public enum CommentStatus {
    /** Waiting for a moderator. */
    PENDING,
    /** Shown on the page. */
    PUBLISHED,
    /** Taken down by readers' reports until a moderator decides. */
    HIDDEN,
    /** Refused by a moderator or by the screens. */
    REJECTED,
    /** Marked as spam by a moderator. */
    SPAM
}
