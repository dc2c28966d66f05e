package org.veritycms.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A reminder says the real due date and the days left or overdue, whatever ladder stage sent it. */
class ReviewDigestTextTest {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Test
    void aThirtyDayReminderOnAPageDueInThirteenDaysSaysThirteen() {
        assertEquals("review due on 2027-03-14, in 13 days", ReviewDigests.describe("D30", TODAY.plusDays(13), TODAY));
    }

    @Test
    void dueTodayAndOneDayEitherSide() {
        assertEquals("review due today (2027-03-01)", ReviewDigests.describe("D0", TODAY, TODAY));
        assertEquals("review due on 2027-03-02, in 1 day", ReviewDigests.describe("D7", TODAY.plusDays(1), TODAY));
        assertEquals("review overdue since 2027-02-28, by 1 day", ReviewDigests.describe("D0", TODAY.minusDays(1), TODAY));
    }

    @Test
    void overdueStagesSayTheDaysAndWhatFollowed() {
        assertEquals("review overdue since 2027-01-30, by 30 days; readers now see a public notice",
                ReviewDigests.describe("NOTICE", TODAY.minusDays(30), TODAY));
        assertEquals("review overdue since 2027-02-15, by 14 days; escalated",
                ReviewDigests.describe("ESCALATE", TODAY.minusDays(14), TODAY));
        assertEquals("review overdue since 2026-12-01, by 90 days; withdrawn from the site until reviewed",
                ReviewDigests.describe("WITHDRAWN", TODAY.minusDays(90), TODAY));
    }
}
