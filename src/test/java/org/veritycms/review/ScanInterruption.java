package org.veritycms.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops a review scan part-way, as a crash would: the chunk before last fails inside its transaction. */
@ApplicationScoped
public class ScanInterruption {

    private volatile boolean armed;

    public void arm() {
        armed = true;
    }

    public void disarm() {
        armed = false;
    }

    void onChunk(@Observes ReviewScanner.ChunkDone done) {
        if (armed && done.chunks() > 1 && done.chunk() == done.chunks() - 1) {
            throw new IllegalStateException("the scan was stopped in chunk " + done.chunk() + " for the test");
        }
    }
}
