package org.veritycms.page;

/** A step named a revision that is no longer the one in question: someone saved a newer one. */
public class StaleRevision extends WorkflowRefused {

    private static final long serialVersionUID = 1L;

    private final int named;
    private final int current;

    public StaleRevision(int named, int current) {
        super("Revision " + named + " is not the current revision: revision " + current
                + " was saved since. Nothing was recorded; look at revision " + current + " first");
        this.named = named;
        this.current = current;
    }

    public int named() {
        return named;
    }

    public int current() {
        return current;
    }
}
