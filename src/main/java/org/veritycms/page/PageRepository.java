package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pages and their revisions in the database. */
@ApplicationScoped
public class PageRepository {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    public Optional<Page> findBySlug(String slug) {
        return em.createQuery("select p from Page p join fetch p.topic where p.slug = :slug", Page.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** A page with its topic and media in one query; evidence and related pages follow lazily. */
    public Optional<Page> findForView(String slug) {
        return em.createQuery("select distinct p from Page p join fetch p.topic left join fetch p.media"
                        + " where p.slug = :slug", Page.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** Published pages a reader may see now, in title order, optionally of one topic. */
    public List<Page> findVisible(Topic topic, Instant now) {
        return em.createQuery("select p from Page p join fetch p.topic where p.status = 'PUBLISHED'"
                        + " and (:topic is null or p.topic = :topic)"
                        + " and (p.publishAt is null or p.publishAt <= :now)"
                        + " and (p.expireAt is null or p.expireAt > :now)"
                        + " order by p.topic.position, p.title", Page.class)
                .setParameter("topic", topic).setParameter("now", now).getResultList();
    }

    /** Published, visible pages among the given slugs (for "related pages"). */
    public List<Page> findVisibleBySlugs(List<String> slugs, Instant now) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Page p join fetch p.topic where p.slug in :slugs"
                        + " and p.status = 'PUBLISHED'"
                        + " and (p.publishAt is null or p.publishAt <= :now)"
                        + " and (p.expireAt is null or p.expireAt > :now)", Page.class)
                .setParameter("slugs", slugs).setParameter("now", now).getResultList();
    }

    public long count() {
        return em.createQuery("select count(p) from Page p", Long.class).getSingleResult();
    }

    public void add(Page page) {
        em.persist(page);
    }

    public void addRevision(PageRevision revision) {
        em.persist(revision);
    }

    public int latestRevisionNumber(Page page) {
        Integer latest = em.createQuery("select max(r.number) from PageRevision r where r.page = :page", Integer.class)
                .setParameter("page", page).getSingleResult();
        return latest == null ? 0 : latest;
    }

    public List<PageRevision> revisionsOf(Page page) {
        return em.createQuery("select r from PageRevision r where r.page = :page order by r.number desc", PageRevision.class)
                .setParameter("page", page).getResultList();
    }
}
