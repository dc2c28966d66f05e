package org.veritycms.page;

/**
 * This node may have missed changes to any page (it lost touch with the other nodes for a while):
 * every cache of pages must go.
 */
public record EveryPageChanged() {
}
