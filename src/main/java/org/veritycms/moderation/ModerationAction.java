package org.veritycms.moderation;

/** What happened to a comment, as the moderation log records it. */
public enum ModerationAction {
    /** The screens looked at a new comment; the status after says what they decided. */
    SCREENED,
    APPROVED,
    REJECTED,
    MARKED_SPAM,
    RESTORED,
    /** Enough readers reported it. */
    HIDDEN_BY_REPORTS
}
