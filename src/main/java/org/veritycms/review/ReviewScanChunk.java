package org.veritycms.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import org.veritycms.page.ReviewPolicy;
import org.veritycms.page.ReviewState;
import org.veritycms.page.RiskTier;
import org.veritycms.shared.VerityClock;

/**
 * One chunk of the review scan, in a transaction of its own: the reminders its pages have reached
 * (each (page, cycle, stage) inserted at most once, a taken key skipped) and the withdrawals they
 * are due, through the page's own rule. A chunk that fails leaves the chunks before it done.
 */
@ApplicationScoped
public class ReviewScanChunk {

    private static final Logger LOG = Logger.getLogger(ReviewScanChunk.class.getName());

    /** A published page of the chunk. */
    record DuePage(long id, String slug, String owner, RiskTier tier, LocalDate due) {
    }

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    ReviewPolicy policy;

    @Inject
    ReviewEnforcement enforcement;

    @Inject
    AuditLog audit;

    @Inject
    VerityClock clock;

    @Inject
    Event<ReviewScanner.ChunkDone> progress;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ReviewScanner.ChunkDone run(List<Long> pageIds, LocalDate today, int chunk, int chunks) {
        Set<String> existing = existingReminders(pageIds);
        List<Object[]> fresh = new ArrayList<>();
        List<DuePage> toWithdraw = new ArrayList<>();
        for (DuePage page : published(pageIds)) {
            policy.stageOn(page.due(), today, page.tier()).ifPresent(stage -> {
                if (!existing.contains(page.id() + "|" + page.due() + "|" + stage)) {
                    fresh.add(new Object[] {page.id(), page.due(), stage, page.owner()});
                }
            });
            if (policy.stateOf(page.due(), today, page.tier()) == ReviewState.WITHDRAWN) {
                toWithdraw.add(page);
            }
        }
        ReviewScanner.ChunkDone done = new ReviewScanner.ChunkDone(today, chunk, chunks, pageIds.size(),
                insertReminders(fresh), withdraw(toWithdraw, today));
        // observers see the chunk inside its transaction: one that fails rolls the chunk back
        progress.fire(done);
        return done;
    }

    private List<DuePage> published(List<Long> pageIds) {
        List<Object[]> rows = em.createQuery("select p.id, p.slug, p.owner, p.riskTier, p.effectiveReviewDue from Page p"
                        + " where p.id in :ids and p.status = 'PUBLISHED'", Object[].class)
                .setParameter("ids", pageIds).getResultList();
        List<DuePage> pages = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            pages.add(new DuePage((Long) r[0], (String) r[1], (String) r[2], (RiskTier) r[3], (LocalDate) r[4]));
        }
        return pages;
    }

    /** Reminders the chunk's pages already have, as page|cycle|stage. */
    private Set<String> existingReminders(List<Long> pageIds) {
        List<Object[]> rows = em.createQuery("select r.pageId, r.cycleDue, r.stage from ReviewReminder r where r.pageId in :ids",
                Object[].class).setParameter("ids", pageIds).getResultList();
        Set<String> keys = new HashSet<>(rows.size() * 2);
        for (Object[] r : rows) {
            keys.add(r[0] + "|" + r[1] + "|" + r[2]);
        }
        return keys;
    }

    /** Inserts the reminders, skipping any another scan inserted meanwhile; how many this call added. */
    private int insertReminders(List<Object[]> fresh) {
        if (fresh.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into review_reminder"
                    + " (id, page_id, cycle_due, stage, owner, created_at) values (nextval('review_reminder_seq'), ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                for (Object[] r : fresh) {
                    insert.setLong(1, (Long) r[0]);
                    insert.setDate(2, Date.valueOf((LocalDate) r[1]));
                    insert.setString(3, (String) r[2]);
                    insert.setString(4, (String) r[3]);
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                int added = 0;
                for (int count : insert.executeBatch()) {
                    added += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, count);
                }
                return added;
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
