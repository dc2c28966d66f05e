package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * The page, locked for this transaction: two saves of one page run one after the other, so the
     * second always sees the first and its version check answers truthfully.
     */
    public Optional<Page> findBySlugForUpdate(String slug) {
        return em.createQuery("select p from Page p where p.slug = :slug", Page.class)
                .setParameter("slug", slug).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public Optional<PageRevision> revision(Page page, int number) {
        return em.createQuery("select r from PageRevision r where r.page = :page and r.number = :n", PageRevision.class)
                .setParameter("page", page).setParameter("n", number).getResultStream().findFirst();
    }

    public Optional<PageRevision> latestRevision(Page page) {
        return em.createQuery("select r from PageRevision r where r.page = :page order by r.number desc", PageRevision.class)
                .setParameter("page", page).setMaxResults(1).getResultStream().findFirst();
    }

    /** What editors filter the page list by; null fields match everything. */
    public record EditorFilter(String topic, PageStatus status, LocalDate dueFrom, LocalDate dueBefore, String owner) {
    }

    /** Pages for the editors' list, by topic and title, with the filter applied in the query. */
    public List<Page> findForEditors(EditorFilter filter, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select p from Page p join fetch p.topic where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.topic() != null) {
            jpql.append(" and p.topic.slug = :topic");
            params.put("topic", filter.topic());
        }
        if (filter.status() != null) {
            jpql.append(" and p.status = :status");
            params.put("status", filter.status());
        }
        if (filter.dueFrom() != null) {
            jpql.append(" and p.effectiveReviewDue >= :dueFrom");
            params.put("dueFrom", filter.dueFrom());
        }
        if (filter.dueBefore() != null) {
            jpql.append(" and p.effectiveReviewDue < :dueBefore");
            params.put("dueBefore", filter.dueBefore());
        }
        if (filter.owner() != null) {
            jpql.append(" and p.owner = :owner");
            params.put("owner", filter.owner());
        }
        jpql.append(" order by p.topic.position, p.title");
        TypedQuery<Page> query = em.createQuery(jpql.toString(), Page.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Every owner named on a page, for the editors' filter. */
    public List<String> owners() {
        return em.createQuery("select distinct p.owner from Page p order by p.owner", String.class).getResultList();
    }

    /** Every page with its topic, in topic and slug order, for the export. */
    public List<Page> findAllForExport() {
        return em.createQuery("select p from Page p join fetch p.topic order by p.topic.position, p.slug", Page.class)
                .getResultList();
    }

    /** Writes pending changes now, so a version number read next is the one committed. */
    public void flush() {
        em.flush();
    }

    /** A page in some status and who changed it last, for task lists. */
    public record LatestChange(String slug, String topic, String title, PageStatus status, String author, Instant updatedAt) {
    }

    /** Each page in this status with the author of its latest revision, longest waiting first. */
    public List<LatestChange> latestChangesInStatus(PageStatus status, int limit) {
        return em.createQuery("select new org.veritycms.page.PageRepository$LatestChange(p.slug, t.slug, p.title, p.status,"
                        + " r.author, p.updatedAt) from PageRevision r join r.page p join p.topic t where p.status = :status"
                        + " and r.number = (select max(r2.number) from PageRevision r2 where r2.page = p)"
                        + " order by p.updatedAt", LatestChange.class)
                .setParameter("status", status).setMaxResults(limit).getResultList();
    }
}
