package org.veritycms.rating;

import java.util.List;

/** Counts of 1 to 5 stars; the average to one decimal, shown only from a minimum number of ratings. */
public record RatingSummary(int count, List<Integer> distribution) {

    public RatingSummary {
        distribution = List.copyOf(distribution);
        if (distribution.size() != 5 || distribution.stream().mapToInt(Integer::intValue).sum() != count) {
            throw new IllegalArgumentException("A summary holds five counts adding up to the total");
        }
    }

    public static RatingSummary empty() {
        return new RatingSummary(0, List.of(0, 0, 0, 0, 0));
    }

    public RatingSummary plus(RatingSummary other) {
        return new RatingSummary(count + other.count, List.of(distribution.get(0) + other.distribution.get(0),
                distribution.get(1) + other.distribution.get(1), distribution.get(2) + other.distribution.get(2),
                distribution.get(3) + other.distribution.get(3), distribution.get(4) + other.distribution.get(4)));
    }

    /** This summary with one vote of {@code stars} added, replacing a vote of {@code replaced} stars (0: a new vote). */
    public RatingSummary withVote(int stars, int replaced) {
        Integer[] counts = distribution.toArray(Integer[]::new);
        counts[stars - 1]++;
        if (replaced > 0) {
            counts[replaced - 1]--;
        }
        return new RatingSummary(replaced > 0 ? count : count + 1, List.of(counts));
    }

    public long sum() {
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (long) (i + 1) * distribution.get(i);
        }
        return sum;
    }

    /** The average rounded to one decimal, e.g. 4.2; 0 with no ratings. */
    public double average() {
        return count == 0 ? 0 : Math.round(sum() * 10.0 / count) / 10.0;
    }

    /** Whole percentage of ratings with this many stars. */
    public int percent(int stars) {
        return count == 0 ? 0 : (int) Math.round(distribution.get(stars - 1) * 100.0 / count);
    }
}
