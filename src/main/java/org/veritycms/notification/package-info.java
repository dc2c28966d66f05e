/**
 * The outbox every feature sends mail through: rows written in the same transaction as the change
 * that caused them, unique by a dedupe key, delivered by a job with retries and back-off.
 */
package org.veritycms.notification;
