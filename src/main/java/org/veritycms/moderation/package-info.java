/**
 * Keeping comments safe: the screens every new comment passes through, readers' reports, the
 * moderation queue and its decisions, the append-only moderation log, and the alerts and
 * digests moderators get.
 */
package org.veritycms.moderation;
