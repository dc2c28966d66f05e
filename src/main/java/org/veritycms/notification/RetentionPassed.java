package org.veritycms.notification;

import java.time.Instant;

/**
 * Fired when sent messages older than the cutoff have had their addresses erased, so that a
 * feature keeping its own copy of what it sent (moderation's notices) erases that copy too.
 */
public record RetentionPassed(Instant cutoff) {
}
