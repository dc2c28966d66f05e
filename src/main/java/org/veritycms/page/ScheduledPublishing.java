package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.veritycms.audit.AuditLog;

/**
 * Publishes approved pages whose {@code publishAt} has come and archives published pages whose
 * {@code expireAt} has passed. The read path checks both dates too, so a late run never shows an
 * expired page or hides a due one for long.
 */
@ApplicationScoped
public class ScheduledPublishing {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<PageChanged> changes;

    @Inject
    AuditLog audit;

    @Transactional
    public int run() {
        Instant now = clock.instant();
        List<Page> due = em.createQuery("select p from Page p where p.status = :approved and p.publishAt <= :now", Page.class)
                .setParameter("approved", PageStatus.APPROVED).setParameter("now", now).getResultList();
        List<Page> expired = em.createQuery("select p from Page p where p.status = :published and p.expireAt <= :now", Page.class)
                .setParameter("published", PageStatus.PUBLISHED).setParameter("now", now).getResultList();
        int changed = 0;
        for (Page page : due) {
            if (page.toSource().hasWhenToGetHelpSection()) {
                page.publish(now);
                audit.record("scheduler", "page.publish", "page", page.slug(), Map.of("status", "APPROVED"),
                        Map.of("status", "PUBLISHED"));
                changes.fire(new PageChanged(page.slug()));
                changed++;
            }
        }
        for (Page page : expired) {
            page.archive();
            audit.record("scheduler", "page.expire", "page", page.slug(), Map.of("status", "PUBLISHED"),
                    Map.of("status", "ARCHIVED"));
            changes.fire(new PageChanged(page.slug()));
            changed++;
        }
        return changed;
    }
}
