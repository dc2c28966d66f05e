package org.veritycms.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.hibernate.search.mapper.orm.Search;

/** Pages and their revisions in the database. */
@ApplicationScoped
public class PageRepository {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    ReadablePagesRule readable;

    public Optional<Page> findBySlug(String slug) {
        return em.createQuery("select p from Page p join fetch p.topic where p.slug = :slug", Page.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** The standing of each page with one of these slugs, read by one statement without loading the pages. */
    public List<PageStanding> standings(java.util.Collection<String> slugs) {
        List<PageStanding> found = new java.util.ArrayList<>();
        if (slugs.isEmpty()) {
            return found;
        }
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement q = c.prepareStatement("select id, slug, status, publish_at, expire_at,"
                    + " effective_review_due, risk_tier, last_reviewed_on from page where slug = any(?)")) {
                q.setArray(1, c.createArrayOf("varchar", slugs.toArray()));
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(new PageStanding(rs.getLong(1), rs.getString(2), PageStatus.valueOf(rs.getString(3)),
                                instant(rs.getObject(4, java.time.OffsetDateTime.class)),
                                instant(rs.getObject(5, java.time.OffsetDateTime.class)), rs.getObject(6, LocalDate.class),
                                RiskTier.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class)));
                    }
                }
            }
        });
        return found;
    }

    private static Instant instant(java.time.OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** A page with its topic and media in one query; evidence and related pages follow lazily. */
    public Optional<Page> findForView(String slug) {
        return em.createQuery("select distinct p from Page p join fetch p.topic left join fetch p.media"
                        + " where p.slug = :slug", Page.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** Pages a reader may see now, in title order, optionally of one topic. */
    public List<Page> findVisible(Topic topic, Instant now) {
        return readable.bind(em.createQuery("select p from Page p join fetch p.topic where " + readable.where()
                        + " and (:topic is null or p.topic = :topic) order by p.topic.position, p.title", Page.class)
                .setParameter("topic", topic), now).getResultList();
    }

    /** Pages a reader may see now among the given slugs (for "related pages"). */
    public List<Page> findVisibleBySlugs(List<String> slugs, Instant now) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return readable.bind(em.createQuery("select p from Page p join fetch p.topic where p.slug in :slugs and "
                + readable.where(), Page.class).setParameter("slugs", slugs), now).getResultList();
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

    public void addReview(ReviewRecord review) {
        em.persist(review);
    }

    /**
     * Who wrote the change a sign-off of this revision would cover: the authors of the revisions
     * from it back, parent by parent, to the revision last reviewed (not included), or to the
     * first revision when the page was never reviewed.
     */
    public java.util.Set<String> authorsSinceReview(Page page, int revision) {
        Map<Integer, Object[]> byNumber = new java.util.HashMap<>();
        em.createQuery("select r.number, r.parent, r.author from PageRevision r where r.page = :page", Object[].class)
                .setParameter("page", page).getResultList().forEach(row -> byNumber.put((Integer) row[0], row));
        java.util.Set<String> authors = new java.util.LinkedHashSet<>();
        Integer at = revision;
        Integer stop = page.reviewedRevision();
        while (at != null && !at.equals(stop) && byNumber.containsKey(at)) {
            Object[] row = byNumber.get(at);
            authors.add((String) row[2]);
            at = (Integer) row[1];
        }
        return authors;
    }

    /** The revisions of the change a sign-off of this revision would cover, newest first. */
    public List<PageRevision> changeSinceReview(Page page, int revision) {
        Map<Integer, PageRevision> byNumber = new java.util.HashMap<>();
        revisionsOf(page).forEach(r -> byNumber.put(r.number(), r));
        List<PageRevision> change = new java.util.ArrayList<>();
        Integer at = revision;
        while (at != null && !at.equals(page.reviewedRevision()) && byNumber.containsKey(at)) {
            change.add(byNumber.get(at));
            at = byNumber.get(at).parent();
        }
        return change;
    }

    /** The revisions from the working one back to the live one (not included): the waiting change. */
    public List<PageRevision> pendingChange(Page page) {
        if (!page.hasPendingChange() || page.liveRevision() == null) {
            return List.of();
        }
        Map<Integer, PageRevision> byNumber = new java.util.HashMap<>();
        revisionsOf(page).forEach(r -> byNumber.put(r.number(), r));
        List<PageRevision> change = new java.util.ArrayList<>();
        Integer at = page.workingRevision();
        while (at != null && !at.equals(page.liveRevision()) && byNumber.containsKey(at)) {
            change.add(byNumber.get(at));
            at = byNumber.get(at).parent();
        }
        return change;
    }

    /** A page's review records, newest first. */
    public List<ReviewRecord> reviewsOf(long pageId) {
        return em.createQuery("select r from ReviewRecord r where r.pageId = :p order by r.recordedAt desc, r.id desc",
                ReviewRecord.class).setParameter("p", pageId).getResultList();
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

    /**
     * For a bulk import: the pages this transaction writes are left out of the search index, which
     * is rebuilt once when the import has finished (see {@code content.ContentImported}).
     */
    public void leaveOutOfSearchIndex() {
        Search.session(em).indexingPlanFilter(filter -> filter.exclude(Page.class));
    }

    /**
     * Which of these slugs have a page: one statement of the same text for any number of slugs (an
     * {@code in} list of as many parameters would be parsed and planned anew for each count). It
     * reads the database only: a page saved in this transaction but not yet flushed is not seen.
     */
    public java.util.Set<String> existingSlugs(java.util.Collection<String> slugs) {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (slugs.isEmpty()) {
            return found;
        }
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement q = c.prepareStatement("select slug from page where slug = any(?)")) {
                q.setArray(1, c.createArrayOf("varchar", slugs.toArray()));
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        });
        return found;
    }

    /**
     * For a long batch in one transaction (a content import): writes what the transaction changed
     * so far, turns what the search index is to take in into pending documents (written at commit,
     * as always), and lets go of every entity the persistence context holds, so that each later
     * query does not check all of them for changes before it runs.
     */
    public void writeAndLetGo() {
        em.flush();
        Search.session(em).indexingPlan().process();
        em.clear();
    }

    public Optional<PageRevision> revision(Page page, int number) {
        return em.createQuery("select r from PageRevision r where r.page = :page and r.number = :n", PageRevision.class)
                .setParameter("page", page).setParameter("n", number).getResultStream().findFirst();
    }

    public Optional<PageRevision> latestRevision(Page page) {
        return em.createQuery("select r from PageRevision r where r.page = :page order by r.number desc", PageRevision.class)
                .setParameter("page", page).setMaxResults(1).getResultStream().findFirst();
    }

    /** How the editors' list is ordered. */
    public enum EditorSort {
        TITLE("p.title"), TOPIC("p.topic.position, p.title"), STATUS("p.status, p.change, p.title"),
        DUE("p.effectiveReviewDue, p.title"), UPDATED("p.updatedAt, p.title");

        final String orderBy;

        EditorSort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * What editors filter the page list by; null fields match everything. A workflow status matches
     * pages in it and live pages whose waiting change is in it; {@code title} matches words in titles.
     */
    public record EditorFilter(String topic, PageStatus status, LocalDate dueFrom, LocalDate dueBefore, String owner,
            String title, EditorSort sort, boolean descending) {
        public EditorFilter(String topic, PageStatus status, LocalDate dueFrom, LocalDate dueBefore, String owner) {
            this(topic, status, dueFrom, dueBefore, owner, null, EditorSort.TOPIC, false);
        }
    }

    /** Pages for the editors' list, with the filter and the order applied in the query. */
    public List<Page> findForEditors(EditorFilter filter, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select p from Page p join fetch p.topic where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.topic() != null) {
            jpql.append(" and p.topic.slug = :topic");
            params.put("topic", filter.topic());
        }
        if (filter.status() != null) {
            ChangeStatus change = java.util.Arrays.stream(ChangeStatus.values())
                    .filter(c -> c != ChangeStatus.NONE && c.name().equals(filter.status().name())).findFirst().orElse(null);
            jpql.append(change == null ? " and p.status = :status" : " and (p.status = :status or p.change = :change)");
            params.put("status", filter.status());
            if (change != null) {
                params.put("change", change);
            }
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
        if (filter.title() != null) {
            jpql.append(" and lower(p.title) like :title escape '!'");
            params.put("title", "%" + filter.title().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        String direction = filter.descending() ? " desc" : "";
        jpql.append(" order by ").append(String.join(", ", java.util.Arrays.stream(
                (filter.sort() == null ? EditorSort.TOPIC : filter.sort()).orderBy.split(", ")).map(c -> c + direction)
                .toList())).append(", p.id");
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

    /**
     * Each page whose work is in this status (a page not yet live, or the change waiting over a live
     * page) with the author of its working revision, longest waiting first.
     */
    public List<LatestChange> latestChangesInStatus(PageStatus status, int limit) {
        ChangeStatus change = java.util.Arrays.stream(ChangeStatus.values()).filter(c -> c.name().equals(status.name()))
                .findFirst().orElse(null);
        return em.createQuery("select new org.veritycms.page.PageRepository$LatestChange(p.slug, t.slug, p.title, p.status,"
                        + " r.author, r.createdAt) from PageRevision r join r.page p join p.topic t"
                        + " where (p.status = :status or p.change = :change) and r.number = p.workingRevision"
                        + " order by r.createdAt", LatestChange.class)
                .setParameter("status", status).setParameter("change", change).setMaxResults(limit).getResultList();
    }
}
