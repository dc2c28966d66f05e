package org.veritycms.scheduling;

/**
 * A job that stopped part-way after committing some of its work: the run is recorded as failed
 * with the items it did finish, and the next run carries on from there.
 */
public class JobInterrupted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int itemsDone;

    public JobInterrupted(String message, int itemsDone, Throwable cause) {
        super(message, cause);
        this.itemsDone = itemsDone;
    }

    public int itemsDone() {
        return itemsDone;
    }
}
