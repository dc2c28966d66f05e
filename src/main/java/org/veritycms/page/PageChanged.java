package org.veritycms.page;

/**
 * Something a reader can see on a page changed: caches of that page must go. {@code scope} says
 * what changed: the page itself (text, status, dates), so that its search entry follows, or only
 * what readers add around it (comments, ratings). {@code fromOtherNode} marks a change another
 * node made and told this one ({@link PageChangeReceiver}): this node's caches follow it, while
 * what the node that made it does once (purging a frontend cache) is not done again.
 * {@code indexed} marks a change made here through the page entity, which the search index took in
 * when it committed; any other change (another node's, or a bulk job's announced by hand) has to
 * be indexed from the event.
 */
public record PageChanged(String slug, Scope scope, boolean fromOtherNode, boolean indexed) {

    /** What changed. */
    public enum Scope {
        /** The page itself: its text, title, status or dates. */
        PAGE,
        /** Its published comments. */
        COMMENTS,
        /** Its readers' ratings. */
        RATINGS
    }

    public PageChanged(String slug, Scope scope, boolean fromOtherNode) {
        this(slug, scope, fromOtherNode, false);
    }

    /** The page itself may have changed, here. */
    public PageChanged(String slug) {
        this(slug, Scope.PAGE, false);
    }

    /** The page changed here through its entity: already in the search index. */
    static PageChanged throughEntity(String slug) {
        return new PageChanged(slug, Scope.PAGE, false, true);
    }

    /**
     * Whether this change was made here through the page's entities: such changes are announced
     * again, all of a transaction's together, by {@link PageChangesCommitted}.
     */
    public boolean throughEntity() {
        return indexed && !fromOtherNode;
    }

    /** Whether the page itself may have changed (not only what readers added around it). */
    public boolean content() {
        return scope == Scope.PAGE;
    }

    /** Published comments on the page changed, here. */
    public static PageChanged comments(String slug) {
        return new PageChanged(slug, Scope.COMMENTS, false);
    }

    /** Readers' ratings of the page changed, here. */
    public static PageChanged ratings(String slug) {
        return new PageChanged(slug, Scope.RATINGS, false);
    }
}
