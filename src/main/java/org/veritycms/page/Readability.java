package org.veritycms.page;

/** What a reader asking for a page gets: the page, 410 Gone, or 404 Not Found. */
public enum Readability {
    READABLE, GONE, NOT_FOUND
}
