package org.veritycms.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which pages use a library item: as one of a page's media items (with that item's own review dates,
 * which a reviewer signs on the page's review screen), or in a revision not yet live (a draft, or a
 * change waiting over a live page), found by the file's hash in the revision's document.
 */
@ApplicationScoped
public class MediaUsage {

    /** One page's use of the item. {@code mediaItemId} and the dates are null for a revision not yet live. */
    public record Use(String pageSlug, String pageTitle, String topicSlug, String pageStatus, Integer revision,
            Long mediaItemId, Integer mediaRevision, LocalDate lastReviewedOn, LocalDate nextReviewDue) {

        public boolean onPage() {
            return mediaItemId != null;
        }
    }

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    public List<Use> of(LibraryItem item) {
        List<Use> uses = new ArrayList<>();
        for (Object[] m : em.createQuery("select p.slug, p.title, t.slug, p.status, p.liveRevision, m.id, m.revision,"
                + " m.reviewDates.lastReviewedOn, m.reviewDates.nextReviewDue from MediaItem m join m.page p join p.topic t"
                + " where m.src = :src order by p.title", Object[].class).setParameter("src", item.url()).getResultList()) {
            uses.add(new Use((String) m[0], (String) m[1], (String) m[2], m[3].toString(), (Integer) m[4], (Long) m[5],
                    (Integer) m[6], (LocalDate) m[7], (LocalDate) m[8]));
        }
        List<Object[]> pending = em.createQuery("select p.slug, p.title, t.slug, p.status, max(r.number) from PageRevision r"
                + " join r.page p join p.topic t where r.number > coalesce(p.liveRevision, 0) and r.document like :hash"
                + " group by p.slug, p.title, t.slug, p.status order by p.title", Object[].class)
                .setParameter("hash", "%" + item.contentHash() + "%").getResultList();
        for (Object[] row : pending) {
            uses.add(new Use((String) row[0], (String) row[1], (String) row[2], row[3].toString(), (Integer) row[4],
                    null, null, null, null));
        }
        return uses;
    }
}
