package org.veritycms.page;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;

/** When something was last reviewed and when its next review falls due. */
@Embeddable
public class ReviewDates {

    @Column(name = "last_reviewed_on")
    private LocalDate lastReviewedOn;

    @Column(name = "next_review_due", nullable = false)
    private LocalDate nextReviewDue;

    protected ReviewDates() {
    }

    public ReviewDates(LocalDate lastReviewedOn, LocalDate nextReviewDue) {
        Objects.requireNonNull(nextReviewDue, "next review due");
        if (lastReviewedOn != null && !nextReviewDue.isAfter(lastReviewedOn)) {
            throw new IllegalArgumentException("The next review must fall after the last review ("
                    + lastReviewedOn + " .. " + nextReviewDue + ")");
        }
        this.lastReviewedOn = lastReviewedOn;
        this.nextReviewDue = nextReviewDue;
    }

    public LocalDate lastReviewedOn() {
        return lastReviewedOn;
    }

    public LocalDate nextReviewDue() {
        return nextReviewDue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReviewDates other && Objects.equals(lastReviewedOn, other.lastReviewedOn)
                && Objects.equals(nextReviewDue, other.nextReviewDue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastReviewedOn, nextReviewDue);
    }
}
