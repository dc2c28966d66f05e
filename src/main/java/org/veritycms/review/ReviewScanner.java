package org.veritycms.review;

import org.veritycms.page.ReviewState;
import org.veritycms.page.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.Page;
import org.veritycms.page.ReviewEnforcement;
import org.veritycms.page.RiskTier;
import org.veritycms.shared.VerityClock;

/**
 * The daily review scan. Its cost follows the pages that are due, not all pages: one indexed
 * range query finds published pages whose effective due date falls inside the reminder window,
 * reminders are inserted in one batch (unique per page, cycle and stage, so a re-run adds
 * nothing), and overdue pages past the threshold are withdrawn with one update.
 */
@ApplicationScoped
public class ReviewScanner {

    private static final Logger LOG = Logger.getLogger(ReviewScanner.class.getName());

    /** What a scan did. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReviewScanResult")
    public record Result(int pagesDue, int remindersQueued, int withdrawn, int digests) {
    }

    /** A published page inside the reminder window. */
    record DuePage(long id, String slug, String owner, RiskTier tier, LocalDate due) {
    }

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    ReviewPolicy policy;

    @Inject
    ReviewDigests digests;

    @Inject
    VerityClock clock;

    @Inject
    ReviewEnforcement enforcement;

    @Inject
    AuditLog audit;

    @Transactional
    public Result scan() {
        LocalDate today = clock.today();
        List<DuePage> due = duePages(today);
        Set<String> existing = existingReminders(today);
        List<Object[]> fresh = new ArrayList<>();
        List<DuePage> toWithdraw = new ArrayList<>();
        for (DuePage page : due) {
            policy.stageOn(page.due(), today, page.tier()).ifPresent(stage -> {
                if (!existing.contains(page.id() + "|" + page.due() + "|" + stage)) {
                    fresh.add(new Object[] {page.id(), page.due(), stage, page.owner()});
                }
            });
            if (policy.stateOf(page.due(), today, page.tier()) == ReviewState.WITHDRAWN) {
                toWithdraw.add(page);
            }
        }
        insertReminders(fresh);
        int withdrawn = withdraw(toWithdraw, today);
        int digestCount = digests.compose(today);
        Result result = new Result(due.size(), fresh.size(), withdrawn, digestCount);
        LOG.info(() -> "Review scan for " + today + ": " + result);
        return result;
    }

    private List<DuePage> duePages(LocalDate today) {
        List<Object[]> rows = em.createQuery("select p.id, p.slug, p.owner, p.riskTier, p.effectiveReviewDue from Page p"
                        + " where p.effectiveReviewDue <= :horizon and p.status = 'PUBLISHED'", Object[].class)
                .setParameter("horizon", today.plusDays(policy.firstReminderDays())).getResultList();
        List<DuePage> pages = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            pages.add(new DuePage((Long) r[0], (String) r[1], (String) r[2], (RiskTier) r[3], (LocalDate) r[4]));
        }
        return pages;
    }

    /** Reminders already recorded in the current cycle of each page inside the window. */
    private Set<String> existingReminders(LocalDate today) {
        List<Object[]> rows = em.createQuery("select r.pageId, r.cycleDue, r.stage from ReviewReminder r, Page p"
                        + " where r.pageId = p.id and r.cycleDue = p.effectiveReviewDue"
                        + " and p.effectiveReviewDue <= :horizon and p.status = 'PUBLISHED'", Object[].class)
                .setParameter("horizon", today.plusDays(policy.firstReminderDays())).getResultList();
        Set<String> keys = new HashSet<>(rows.size() * 2);
        for (Object[] r : rows) {
            keys.add(r[0] + "|" + r[1] + "|" + r[2]);
        }
        return keys;
    }

    private void insertReminders(List<Object[]> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into review_reminder"
                    + " (id, page_id, cycle_due, stage, owner, created_at) values (nextval('review_reminder_seq'), ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Object[] r : fresh) {
                    insert.setLong(1, (Long) r[0]);
                    insert.setDate(2, Date.valueOf((LocalDate) r[1]));
                    insert.setString(3, (String) r[2]);
                    insert.setString(4, (String) r[3]);
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Withdraws through the page's own rule, so the status change, its reason and its events are the page's. */
    private int withdraw(List<DuePage> candidates, LocalDate today) {
        int withdrawn = 0;
        for (DuePage candidate : candidates) {
            Page page = em.find(Page.class, candidate.id());
            if (page != null && enforcement.withdrawIfOverdue(page, today)) {
                withdrawn++;
                audit.record("review-scan", "page.withdraw", "page", page.slug(), Map.of("status", "PUBLISHED"),
                        Map.of("status", "WITHDRAWN", "reason", "REVIEW_OVERDUE", "reviewDue", candidate.due().toString()));
                LOG.warning(() -> "Page '" + candidate.slug() + "' withdrawn: its review was due on " + candidate.due());
            }
        }
        return withdrawn;
    }
}
