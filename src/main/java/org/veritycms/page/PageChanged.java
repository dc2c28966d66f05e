package org.veritycms.page;

/** Something a reader can see on a page changed: caches of that page must go. */
public record PageChanged(String slug) {
}
