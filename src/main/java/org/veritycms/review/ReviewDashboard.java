package org.veritycms.review;

import org.veritycms.page.ReviewState;
import org.veritycms.page.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veritycms.page.Page;
import org.veritycms.rating.FeedbackTrigger;
import org.veritycms.shared.VerityClock;

/**
 * What editors and reviewers need to see: pages by review state, pages readers flagged for early
 * review (with what they said), and reviews falling due per month.
 */
@ApplicationScoped
public class ReviewDashboard {

    /** A page on the dashboard. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DashboardItem")
    public record Item(String slug, String topic, String title, String owner, LocalDate due, String state) {
    }

    /** Reviews falling due in one month. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DashboardMonth")
    public record Month(String month, long count) {
    }

    /** The whole dashboard. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReviewDashboard")
    public record View(LocalDate today, List<Item> dueSoon, List<Item> overdue, List<Item> onNotice, List<Item> withdrawn,
            List<Item> changedSinceReview, List<FeedbackTrigger.Flag> flaggedByReaders, List<Month> forecast) {
    }

    private static final int LIMIT = 500;

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    ReviewPolicy policy;

    @Inject
    VerityClock clock;

    @Inject
    FeedbackTrigger flags;

    @Transactional
    public View view() {
        LocalDate today = clock.today();
        List<Item> dueSoon = new ArrayList<>();
        List<Item> overdue = new ArrayList<>();
        List<Item> notice = new ArrayList<>();
        List<Page> pages = em.createQuery("select p from Page p join fetch p.topic where p.status = 'PUBLISHED'"
                        + " and p.effectiveReviewDue <= :horizon order by p.effectiveReviewDue", Page.class)
                .setParameter("horizon", today.plusDays(policy.firstReminderDays())).setMaxResults(LIMIT * 3).getResultList();
        for (Page p : pages) {
            ReviewState state = policy.stateOf(p.effectiveReviewDue(), today, p.riskTier());
            Item item = item(p, state);
            switch (state) {
                case DUE_SOON -> dueSoon.add(item);
                case DUE, OVERDUE -> overdue.add(item);
                case NOTICE, WITHDRAWN -> notice.add(item);
                default -> { }
            }
        }
        List<Item> withdrawn = em.createQuery("select p from Page p join fetch p.topic where p.status = 'WITHDRAWN'"
                        + " order by p.effectiveReviewDue", Page.class).setMaxResults(LIMIT).getResultList().stream()
                .map(p -> item(p, ReviewState.WITHDRAWN)).toList();
        // live content that moved on (by non-clinical corrections) from the revision last signed off
        List<Item> changed = em.createQuery("select p from Page p join fetch p.topic where p.status = 'PUBLISHED'"
                        + " and p.liveRevision > p.reviewedRevision order by p.effectiveReviewDue", Page.class)
                .setMaxResults(LIMIT).getResultList().stream()
                .map(p -> item(p, policy.stateOf(p.effectiveReviewDue(), today, p.riskTier()))).toList();
        return new View(today, dueSoon, overdue, notice, withdrawn, changed, flags.flaggedPages(), forecast(today));
    }

    /** Published pages whose review falls due in each of the next twelve months (this one first). */
    public List<Month> forecast(LocalDate today) {
        YearMonth first = YearMonth.from(today);
        Map<YearMonth, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            counts.put(first.plusMonths(i), 0L);
        }
        List<Object[]> rows = em.createQuery("select extract(year from p.effectiveReviewDue), extract(month from p.effectiveReviewDue),"
                        + " count(p) from Page p where p.status = 'PUBLISHED' and p.effectiveReviewDue >= :from"
                        + " and p.effectiveReviewDue < :to group by extract(year from p.effectiveReviewDue),"
                        + " extract(month from p.effectiveReviewDue)", Object[].class)
                .setParameter("from", first.atDay(1)).setParameter("to", first.plusMonths(12).atDay(1)).getResultList();
        for (Object[] r : rows) {
            counts.put(YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue()), ((Number) r[2]).longValue());
        }
        return counts.entrySet().stream().map(e -> new Month(e.getKey().toString(), e.getValue())).toList();
    }

    private static Item item(Page p, ReviewState state) {
        return new Item(p.slug(), p.topic().slug(), p.title(), p.owner(), p.effectiveReviewDue(), state.name());
    }
}
