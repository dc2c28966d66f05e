/**
 * The audit log: one append-only entry per editorial action (who, what, when, the values before
 * and after). Entries are never changed or deleted; on PostgreSQL a trigger refuses it too.
 */
package org.veritycms.audit;
