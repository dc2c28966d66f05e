package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.veritycms.audit.AuditLog;

/**
 * Publishes approved pages whose {@code publishAt} has come and archives published pages whose
 * {@code expireAt} has passed. The read path checks both dates too, so a late run never shows an
 * expired page. An approved page that would already be past its review date is not published:
 * the refusal is audited and the page waits for its sign-off.
 */
@ApplicationScoped
public class ScheduledPublishing {

    private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class.getName());

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PageCatalogue catalogue;

    @Inject
    AuditLog audit;

    @Transactional
    public int run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Page> due = em.createQuery("select p from Page p where p.status = :approved and p.publishAt <= :now", Page.class)
                .setParameter("approved", PageStatus.APPROVED).setParameter("now", now).getResultList();
        List<Page> expired = em.createQuery("select p from Page p where p.status = :published and p.expireAt <= :now", Page.class)
                .setParameter("published", PageStatus.PUBLISHED).setParameter("now", now).getResultList();
        int changed = 0;
        for (Page page : due) {
            try {
                page.publishScheduled(catalogue.workingCopy(page), now, today);
                audit.record("scheduler", "page.publish", "page", page.slug(), Map.of("status", "APPROVED"),
                        Map.of("status", "PUBLISHED", "revision", page.liveRevision()));
                changed++;
            } catch (WorkflowRefused e) {
                LOG.warning(() -> "Page '" + page.slug() + "' not published at its time: " + e.getMessage());
                audit.record("scheduler", "page.publish-refused", "page", page.slug(), Map.of("status", "APPROVED"),
                        Map.of("reason", e.getMessage()));
                page.schedule(null, page.expireAt());
            }
        }
        for (Page page : expired) {
            page.expire();
            audit.record("scheduler", "page.expire", "page", page.slug(), Map.of("status", "PUBLISHED"),
                    Map.of("status", "ARCHIVED"));
            changed++;
        }
        return changed;
    }
}
