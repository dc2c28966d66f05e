package org.veritycms.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veritycms.page.Page;
import org.veritycms.page.PageRevision;
import org.veritycms.page.ReadablePagesRule;

/**
 * The pages readers may see now (published, inside their publication window; withdrawn pages never),
 * as the sitemap and the feeds list them.
 */
@ApplicationScoped
public class ReadablePages {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    ReadablePagesRule readable;

    /** Every readable page, with its topic, in topic order. */
    public List<Page> all(Instant now) {
        return readable.bind(em.createQuery("select p from Page p join fetch p.topic where " + readable.where()
                + " order by p.topic.position, p.title", Page.class), now).getResultList();
    }

    /**
     * The readable pages most recently reviewed or updated, optionally of one topic: the latest by
     * each date, merged, so the caller can rank them by whichever came later.
     */
    public List<Page> recentlyChanged(String topicSlug, Instant now, int limit) {
        String where = readable.where() + (topicSlug == null ? "" : " and p.topic.slug = :topic");
        Map<Long, Page> pages = new LinkedHashMap<>();
        for (String order : List.of("p.updatedAt desc", "p.reviewDates.lastReviewedOn desc nulls last")) {
            var query = readable.bind(em.createQuery("select p from Page p join fetch p.topic where " + where + " order by " + order, Page.class)
                    .setMaxResults(limit), now);
            if (topicSlug != null) {
                query.setParameter("topic", topicSlug);
            }
            query.getResultList().forEach(p -> pages.put(p.id(), p));
        }
        return List.copyOf(pages.values());
    }

    /** Readable pages of one topic reviewed or updated within the dates (inclusive), for digests. */
    public List<Page> changedBetween(String topicSlug, LocalDate from, LocalDate to, Instant fromInstant, Instant toInstant,
            Instant now) {
        return readable.bind(em.createQuery("select p from Page p join fetch p.topic where " + readable.where() + " and p.topic.slug = :topic"
                        + " and ((p.reviewDates.lastReviewedOn >= :from and p.reviewDates.lastReviewedOn <= :to)"
                        + " or (p.updatedAt >= :fromInstant and p.updatedAt < :toInstant))"
                        + " order by p.title", Page.class)
                .setParameter("topic", topicSlug).setParameter("from", from).setParameter("to", to)
                .setParameter("fromInstant", fromInstant).setParameter("toInstant", toInstant), now).getResultList();
    }

    /** The change note of each page's latest revision, by page id. */
    public Map<Long, String> latestChangeNotes(Collection<Page> pages) {
        if (pages.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> notes = new LinkedHashMap<>();
        em.createQuery("select r from PageRevision r join fetch r.page where r.page in :pages and r.number ="
                        + " (select max(r2.number) from PageRevision r2 where r2.page = r.page)", PageRevision.class)
                .setParameter("pages", pages).getResultList()
                .forEach(r -> notes.put(r.page().id(), r.changeNote()));
        return notes;
    }
}
