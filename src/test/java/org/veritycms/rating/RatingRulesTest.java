package org.veritycms.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingRulesTest {

    @Test
    void starsAreWholeNumbersFromOneToFive() {
        assertEquals(3, Stars.parse("3").orElseThrow().value());
        for (String bad : new String[] {"0", "6", "3.5", "abc", "", " ", "-1", "33", null}) {
            assertTrue(Stars.parse(bad).isEmpty(), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new Stars(0));
    }

    @Test
    void averageIsToOneDecimalAndPercentagesFollowTheCounts() {
        RatingSummary s = new RatingSummary(159, List.of(5, 6, 10, 38, 100));
        assertEquals(4.4, s.average());
        assertEquals(63, s.percent(5));
        assertEquals(0.0, RatingSummary.empty().average());
        assertEquals(new RatingSummary(160, List.of(6, 6, 10, 38, 100)), s.plus(new RatingSummary(1, List.of(1, 0, 0, 0, 0))));
    }

    @Test
    void aNewVoteAddsOneAndAReplacedVoteMovesOne() {
        RatingSummary s = new RatingSummary(3, List.of(1, 0, 0, 2, 0));
        assertEquals(new RatingSummary(4, List.of(1, 0, 0, 2, 1)), s.withVote(5, 0));
        assertEquals(new RatingSummary(3, List.of(0, 0, 0, 2, 1)), s.withVote(5, 1));
        assertEquals(new RatingSummary(1, List.of(0, 0, 1, 0, 0)), RatingSummary.empty().withVote(3, 0));
    }

    @Test
    void summaryCountsMustAddUp() {
        assertThrows(IllegalArgumentException.class, () -> new RatingSummary(3, List.of(1, 1, 0, 0, 0)));
    }

    @Test
    void triggerFiresAtFortyPercentLowOfTheLastFifty() {
        assertTrue(FeedbackTrigger.falls(stars(20, 30), 50, 40, 20), "20 of 50 low is 40%");
        assertFalse(FeedbackTrigger.falls(stars(19, 31), 50, 40, 20), "19 of 50 low is under 40%");
        assertFalse(FeedbackTrigger.falls(stars(10, 0), 50, 40, 20), "too few ratings to judge");
        List<Integer> older = new ArrayList<>(stars(0, 50));
        older.addAll(stars(50, 0));
        assertFalse(FeedbackTrigger.falls(older, 50, 40, 20), "only the latest fifty count");
    }

    private static List<Integer> stars(int low, int high) {
        List<Integer> list = new ArrayList<>();
        list.addAll(Collections.nCopies(low, 1));
        list.addAll(Collections.nCopies(high, 5));
        Collections.shuffle(list, new java.util.Random(7));
        return list;
    }
}
