package org.veritycms.moderation;

import java.time.Instant;

/**
 * Fired (synchronously, inside the transaction that held the comment) when a comment needs a
 * moderator at once: a safeguarding concern. Mail delivery observes it; the matching e-mails are
 * also written as {@code moderation_notice} rows.
 */
public record ModeratorAlert(long commentId, String pageSlug, String pageTitle, String reason, String queueUrl,
        Instant at) {
}
