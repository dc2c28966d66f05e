package org.veritycms.account;

/** What an account may do; an account may hold several roles. */
public enum Role {
    /** Drafts pages. */
    AUTHOR,
    /** Publishes, schedules and manages pages. */
    EDITOR,
    /** Signs clinical reviews. */
    CLINICAL_REVIEWER,
    /** Moderates comments. */
    MODERATOR,
    /** Manages accounts and policies. */
    ADMIN
}
