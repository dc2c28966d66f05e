package org.veritycms.rating;

import java.time.LocalDate;

/** Readers' ratings of a page fell far enough to ask for an early review (once per review cycle). */
public record PageFlaggedByReaders(String slug, LocalDate cycleStart, int lowSharePercent) {
}
