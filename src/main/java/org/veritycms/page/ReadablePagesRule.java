package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.veritycms.shared.ProblemException;

/**
 * "A reader may see this page now", as a query condition on a page aliased {@code p}: published,
 * inside its publication window, and not overdue past the withdrawal threshold of its tier,
 * decided by the clock whether or not the review scan has run. Lists, feeds, the sitemap and
 * search all use this one rule; {@link Page#readabilityAt} is the same rule for one page.
 */
@ApplicationScoped
public class ReadablePagesRule {

    private final ReviewPolicy policy;
    private final Clock clock;

    @Inject
    public ReadablePagesRule(ReviewPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    protected ReadablePagesRule() {
        this(null, null);
    }

    /** The condition, with named parameters {@link #bind} fills in. */
    public String where() {
        List<RiskTier> kept = keptTiers();
        String due = kept.isEmpty() ? "p.effectiveReviewDue >= :readableDueFrom"
                : "(p.effectiveReviewDue >= :readableDueFrom or p.riskTier in :readableKept)";
        return "p.status = 'PUBLISHED' and (p.publishAt is null or p.publishAt <= :readableNow)"
                + " and (p.expireAt is null or p.expireAt > :readableNow) and " + due;
    }

    /** Fills in the condition's parameters for this moment. */
    public <Q extends Query> Q bind(Q query, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        query.setParameter("readableNow", now);
        query.setParameter("readableDueFrom", policy.readableDueFrom(today));
        List<RiskTier> kept = keptTiers();
        if (!kept.isEmpty()) {
            query.setParameter("readableKept", kept);
        }
        return query;
    }

    /** The earliest effective due date a readable page of a withdrawn tier may have at this moment. */
    public LocalDate dueFrom(Instant now) {
        return policy.readableDueFrom(LocalDate.ofInstant(now, clock.getZone()));
    }

    /** Tiers whose overdue pages are withdrawn. */
    public List<RiskTier> withdrawnTiers() {
        return Arrays.stream(RiskTier.values()).filter(policy::withdraws).toList();
    }

    /** The rule for one page: what a reader gets at this moment. */
    public Readability of(Page page, Instant now) {
        return page.readabilityAt(now, LocalDate.ofInstant(now, clock.getZone()), policy);
    }

    /**
     * The page, if a reader may see it now: otherwise 410 (withdrawn, or overdue past the
     * withdrawal threshold) or 404, as problem details.
     */
    public Page require(Page page, Instant now) {
        require(page.standing(), now);
        return page;
    }

    /** {@link #require(Page, Instant)} for a page's standing alone. */
    public PageStanding require(PageStanding page, Instant now) {
        Readability readability = page.readabilityAt(now, LocalDate.ofInstant(now, clock.getZone()), policy);
        if (readability == Readability.GONE) {
            throw ProblemException.gone("The page '" + page.slug() + "' has been withdrawn.");
        }
        if (readability == Readability.NOT_FOUND) {
            throw ProblemException.notFound("There is no page '" + page.slug() + "'.");
        }
        return page;
    }

    /** Tiers that are never withdrawn: overdue, they stay readable with the public notice. */
    private List<RiskTier> keptTiers() {
        return Arrays.stream(RiskTier.values()).filter(t -> !policy.withdraws(t)).toList();
    }
}
