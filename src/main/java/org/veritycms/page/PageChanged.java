package org.veritycms.page;

/**
 * Something a reader can see on a page changed: caches of that page must go. {@code content} says
 * whether the page itself (text, status, dates) may have changed, so that its search entry follows;
 * it is false when only what readers add around it changed (a rating, a comment).
 */
public record PageChanged(String slug, boolean content) {

    /** The page itself may have changed. */
    public PageChanged(String slug) {
        this(slug, true);
    }

    /** Only readers' ratings or comments on the page changed. */
    public static PageChanged aroundPage(String slug) {
        return new PageChanged(slug, false);
    }
}
