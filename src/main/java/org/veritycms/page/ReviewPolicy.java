package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The review rules, all configuration: interval per risk tier, the reminder ladder (days before
 * due, then weekly while overdue), escalation, public notice and withdrawal thresholds, and
 * whether a tier may be withdrawn at all.
 */
@ApplicationScoped
public class ReviewPolicy {

    private final Map<RiskTier, Period> intervals;
    private final List<Integer> ladder;
    private final int escalateAfter;
    private final int noticeAfter;
    private final int withdrawAfter;
    private final Map<RiskTier, Boolean> withdrawal;

    @Inject
    public ReviewPolicy(Config config) {
        this(Map.of(RiskTier.HIGH, period(config, "high", "P12M"), RiskTier.STANDARD, period(config, "standard", "P24M"),
                        RiskTier.LOW, period(config, "low", "P36M")),
                Arrays.stream(config.getOptionalValue("verity.review.reminder-days", String.class).orElse("60,30,7,0")
                        .split(",")).map(String::strip).map(Integer::valueOf).sorted((a, b) -> b - a).toList(),
                config.getOptionalValue("verity.review.escalate-after-days", Integer.class).orElse(14),
                config.getOptionalValue("verity.review.notice-after-days", Integer.class).orElse(30),
                config.getOptionalValue("verity.review.withdraw-after-days", Integer.class).orElse(90),
                Map.of(RiskTier.HIGH, withdraws(config, "high"), RiskTier.STANDARD, withdraws(config, "standard"),
                        RiskTier.LOW, withdraws(config, "low")));
    }

    public ReviewPolicy(Map<RiskTier, Period> intervals, List<Integer> ladder, int escalateAfter, int noticeAfter,
            int withdrawAfter, Map<RiskTier, Boolean> withdrawal) {
        if (!(escalateAfter > 0 && noticeAfter > 0 && withdrawAfter > noticeAfter)) {
            throw new IllegalArgumentException("Review thresholds must be positive and withdrawal after the notice");
        }
        this.intervals = Map.copyOf(intervals);
        this.ladder = List.copyOf(ladder);
        this.escalateAfter = escalateAfter;
        this.noticeAfter = noticeAfter;
        this.withdrawAfter = withdrawAfter;
        this.withdrawal = Map.copyOf(withdrawal);
    }

    protected ReviewPolicy() {
        this.intervals = null;
        this.ladder = null;
        this.escalateAfter = 0;
        this.noticeAfter = 0;
        this.withdrawAfter = 0;
        this.withdrawal = null;
    }

    /** The defaults of DESIGN.md: 12/24/36 months, 60/30/7/0 days, escalate 14, notice 30, withdraw 90. */
    public static ReviewPolicy defaults() {
        return new ReviewPolicy(Map.of(RiskTier.HIGH, Period.ofMonths(12), RiskTier.STANDARD, Period.ofMonths(24),
                RiskTier.LOW, Period.ofMonths(36)), List.of(60, 30, 7, 0), 14, 30, 90,
                Map.of(RiskTier.HIGH, true, RiskTier.STANDARD, true, RiskTier.LOW, true));
    }

    public Period interval(RiskTier tier) {
        return intervals.get(tier);
    }

    /** The next due date after a full review today. */
    public LocalDate nextDueAfterReview(RiskTier tier, LocalDate today) {
        return today.plus(interval(tier));
    }

    public ReviewState stateOf(LocalDate due, LocalDate today, RiskTier tier) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days > ladder.get(0)) {
            return ReviewState.CURRENT;
        }
        if (days > 0) {
            return ReviewState.DUE_SOON;
        }
        if (days == 0) {
            return ReviewState.DUE;
        }
        long overdue = -days;
        if (overdue >= withdrawAfter && withdrawal.getOrDefault(tier, true)) {
            return ReviewState.WITHDRAWN;
        }
        return overdue >= noticeAfter ? ReviewState.NOTICE : ReviewState.OVERDUE;
    }

    /** Due dates in {@code [from, before)}; either end may be open (null). */
    public record DueRange(LocalDate from, LocalDate before) {
    }

    /**
     * The due dates that put a page in this state today, for filtering lists in the database (a
     * tier that is never withdrawn stays on notice; the range treats every tier alike).
     */
    public DueRange dueRange(ReviewState state, LocalDate today) {
        LocalDate soonEnd = today.plusDays(ladder.get(0) + 1L);
        return switch (state) {
            case CURRENT -> new DueRange(soonEnd, null);
            case DUE_SOON -> new DueRange(today.plusDays(1), soonEnd);
            case DUE -> new DueRange(today, today.plusDays(1));
            case OVERDUE -> new DueRange(today.minusDays(noticeAfter - 1L), today);
            case NOTICE -> new DueRange(today.minusDays(withdrawAfter - 1L), today.minusDays(noticeAfter - 1L));
            case WITHDRAWN -> new DueRange(null, today.minusDays(withdrawAfter - 1L));
        };
    }

    /**
     * The latest reminder stage reached on this day, if any: {@code D60}, {@code D30}, {@code D7},
     * {@code D0}, then {@code W1}, {@code W2} ... each week overdue, plus {@code ESCALATE},
     * {@code NOTICE} and {@code WITHDRAWN} on their days.
     */
    public Optional<String> stageOn(LocalDate due, LocalDate today, RiskTier tier) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days >= 0) {
            return ladder.stream().filter(d -> days <= d).reduce((first, second) -> second).map(d -> "D" + d);
        }
        long overdue = -days;
        ReviewState state = stateOf(due, today, tier);
        if (state == ReviewState.WITHDRAWN) {
            return Optional.of("WITHDRAWN");
        }
        if (overdue >= noticeAfter && overdue < noticeAfter + 7) {
            return Optional.of("NOTICE");
        }
        if (overdue >= escalateAfter && overdue < escalateAfter + 7) {
            return Optional.of("ESCALATE");
        }
        return overdue >= 7 ? Optional.of("W" + overdue / 7) : ladder.contains(0) ? Optional.of("D0") : Optional.empty();
    }

    /** Whether a stage goes beyond the owner, to their lead and the administrators. */
    public static boolean escalates(String stage) {
        return "ESCALATE".equals(stage) || "NOTICE".equals(stage) || "WITHDRAWN".equals(stage);
    }

    /** The earliest effective due date a readable page may have today (one day later, it is withdrawn). */
    public LocalDate readableDueFrom(LocalDate today) {
        return today.minusDays(withdrawAfter - 1L);
    }

    /** The day a page due on this date is withdrawn, if its tier is withdrawn at all. */
    public Optional<LocalDate> withdrawalDay(LocalDate due, RiskTier tier) {
        return withdraws(tier) ? Optional.of(due.plusDays(withdrawAfter)) : Optional.empty();
    }

    /** The day a page due on this date starts showing readers the public notice. */
    public LocalDate noticeDay(LocalDate due) {
        return due.plusDays(noticeAfter);
    }

    /** The widest reminder window in days: pages due further away than this need no work. */
    public int firstReminderDays() {
        return ladder.get(0);
    }

    public int withdrawAfterDays() {
        return withdrawAfter;
    }

    public int noticeAfterDays() {
        return noticeAfter;
    }

    public boolean withdraws(RiskTier tier) {
        return withdrawal.getOrDefault(tier, true);
    }

    private static Period period(Config config, String tier, String fallback) {
        return Period.parse(config.getOptionalValue("verity.review.interval." + tier, String.class).orElse(fallback));
    }

    private static boolean withdraws(Config config, String tier) {
        return config.getOptionalValue("verity.review.withdraw." + tier, Boolean.class).orElse(true);
    }
}
