package org.veritycms.shared;

/** Fired once the schema is current and the seed content is in: background work may start. */
public record ApplicationReady() {
}
