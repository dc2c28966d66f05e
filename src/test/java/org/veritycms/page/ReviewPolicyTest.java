package org.veritycms.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritycms.page.RiskTier;

class ReviewPolicyTest {

    static final LocalDate DUE = LocalDate.of(2028, 3, 1);
    final ReviewPolicy policy = ReviewPolicy.defaults();

    ReviewState on(int daysFromDue) {
        return policy.stateOf(DUE, DUE.plusDays(daysFromDue), RiskTier.STANDARD);
    }

    @Test
    void statesChangeExactlyAtTheirBoundaries() {
        assertEquals(ReviewState.CURRENT, on(-61));
        assertEquals(ReviewState.DUE_SOON, on(-60));
        assertEquals(ReviewState.DUE_SOON, on(-1));
        assertEquals(ReviewState.DUE, on(0));
        assertEquals(ReviewState.OVERDUE, on(1));
        assertEquals(ReviewState.OVERDUE, on(29));
        assertEquals(ReviewState.NOTICE, on(30));
        assertEquals(ReviewState.NOTICE, on(89));
        assertEquals(ReviewState.WITHDRAWN, on(90));
    }

    @Test
    void aTierThatMayNotBeWithdrawnStaysOnNotice() {
        ReviewPolicy keep = new ReviewPolicy(Map.of(RiskTier.HIGH, Period.ofMonths(12), RiskTier.STANDARD, Period.ofMonths(24),
                RiskTier.LOW, Period.ofMonths(36)), List.of(60, 30, 7, 0), 14, 30, 90,
                Map.of(RiskTier.HIGH, true, RiskTier.STANDARD, true, RiskTier.LOW, false));
        assertEquals(ReviewState.NOTICE, keep.stateOf(DUE, DUE.plusDays(400), RiskTier.LOW));
        assertEquals(ReviewState.WITHDRAWN, keep.stateOf(DUE, DUE.plusDays(90), RiskTier.HIGH));
    }

    @Test
    void theLadderReachesEachStageOnItsDay() {
        List<String> stages = new ArrayList<>();
        for (int d = -70; d <= 95; d++) {
            Optional<String> stage = policy.stageOn(DUE, DUE.plusDays(d), RiskTier.STANDARD);
            stage.filter(s -> stages.isEmpty() || !stages.get(stages.size() - 1).equals(s)).ifPresent(stages::add);
        }
        assertEquals(List.of("D60", "D30", "D7", "D0", "W1", "ESCALATE", "W3", "W4", "NOTICE", "W5", "W6", "W7", "W8",
                "W9", "W10", "W11", "W12", "WITHDRAWN"), stages);
    }

    @Test
    void stagesStartOnTheExactDays() {
        assertEquals(Optional.empty(), policy.stageOn(DUE, DUE.minusDays(61), RiskTier.STANDARD));
        assertEquals(Optional.of("D60"), policy.stageOn(DUE, DUE.minusDays(60), RiskTier.STANDARD));
        assertEquals(Optional.of("D30"), policy.stageOn(DUE, DUE.minusDays(30), RiskTier.STANDARD));
        assertEquals(Optional.of("D7"), policy.stageOn(DUE, DUE.minusDays(7), RiskTier.STANDARD));
        assertEquals(Optional.of("D0"), policy.stageOn(DUE, DUE, RiskTier.STANDARD));
        assertEquals(Optional.of("ESCALATE"), policy.stageOn(DUE, DUE.plusDays(14), RiskTier.STANDARD));
        assertEquals(Optional.of("NOTICE"), policy.stageOn(DUE, DUE.plusDays(30), RiskTier.STANDARD));
        assertEquals(Optional.of("WITHDRAWN"), policy.stageOn(DUE, DUE.plusDays(90), RiskTier.STANDARD));
    }

    @Test
    void nextDueFollowsTheTierAcrossLeapDays() {
        assertEquals(LocalDate.of(2029, 2, 28), policy.nextDueAfterReview(RiskTier.HIGH, LocalDate.of(2028, 2, 29)));
        assertEquals(LocalDate.of(2030, 2, 28), policy.nextDueAfterReview(RiskTier.STANDARD, LocalDate.of(2028, 2, 29)));
    }

    @Test
    void dueRangesAgreeWithTheStateOfEveryDay() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        for (int offset = -200; offset <= 200; offset++) {
            LocalDate due = today.plusDays(offset);
            ReviewState state = policy.stateOf(due, today, RiskTier.STANDARD);
            for (ReviewState candidate : ReviewState.values()) {
                ReviewPolicy.DueRange range = policy.dueRange(candidate, today);
                boolean inside = (range.from() == null || !due.isBefore(range.from()))
                        && (range.before() == null || due.isBefore(range.before()));
                assertEquals(candidate == state, inside, candidate + " range and a page due " + due);
            }
        }
    }
}
