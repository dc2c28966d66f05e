package org.veritycms.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.veritycms.page.MediaItem;

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
        for (MediaItem m : em.createQuery("select m from MediaItem m join fetch m.page p join fetch p.topic where m.src = :src"
                + " order by p.title", MediaItem.class).setParameter("src", item.url()).getResultList()) {
            uses.add(new Use(m.page().slug(), m.page().title(), m.page().topic().slug(), m.page().status().name(),
                    m.page().liveRevision(), m.id(), m.revision(), m.reviewDates().lastReviewedOn(), m.reviewDates().nextReviewDue()));
        }
        List<Object[]> pending = em.createQuery("select p.slug, p.title, p.topic.slug, p.status, max(r.number) from PageRevision r"
                + " join r.page p where r.number > coalesce(p.liveRevision, 0) and r.document like :hash"
                + " group by p.slug, p.title, p.topic.slug, p.status order by p.title", Object[].class)
                .setParameter("hash", "%" + item.contentHash() + "%").getResultList();
        for (Object[] row : pending) {
            uses.add(new Use((String) row[0], (String) row[1], (String) row[2], row[3].toString(), (Integer) row[4],
                    null, null, null, null));
        }
        return uses;
    }
}
