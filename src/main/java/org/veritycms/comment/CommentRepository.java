package org.veritycms.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Comments and reports in the database. */
@ApplicationScoped
public class CommentRepository {

    /**
     * What the screens refused on arrival is no earlier copy: its author gets it back to send
     * again, and must not then be refused for repeating themselves.
     */
    private static final String NOT_REFUSED_ON_ARRIVAL = " and not (c.status = org.veritycms.comment.CommentStatus.REJECTED"
            + " and c.decidedBy = '" + Comment.SCREENING + "')";

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    /** A page's published comments, oldest first, in one query (the page view's hot path). */
    public List<Comment> publishedOn(long pageId) {
        return em.createQuery("select c from Comment c where c.page.id = :page and c.status = :published"
                        + " order by c.createdAt, c.id", Comment.class)
                .setParameter("page", pageId).setParameter("published", CommentStatus.PUBLISHED).getResultList();
    }

    public Optional<Comment> find(long id) {
        return Optional.ofNullable(em.find(Comment.class, id));
    }

    /** The comment with its page, locked until the transaction ends, so that decisions and reports queue up. */
    public Optional<Comment> findForUpdate(long id) {
        Comment comment = em.find(Comment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (comment != null) {
            comment.page().slug();
        }
        return Optional.ofNullable(comment);
    }

    public void add(Comment comment) {
        em.persist(comment);
    }

    public void addReport(CommentReport report) {
        em.persist(report);
    }

    public boolean hasReported(long commentId, String readerId) {
        return !em.createQuery("select r.id from CommentReport r where r.comment.id = :c and r.readerId = :reader",
                        Long.class)
                .setParameter("c", commentId).setParameter("reader", readerId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether someone at this address (its keyed hash) reported the comment after {@code since} (ever, when null). */
    public boolean hasReportedFrom(long commentId, String addressHash, Instant since) {
        var query = em.createQuery("select r.id from CommentReport r where r.comment.id = :c and r.addressHash = :address"
                        + (since == null ? "" : " and r.createdAt > :since"), Long.class)
                .setParameter("c", commentId).setParameter("address", addressHash);
        if (since != null) {
            query.setParameter("since", since);
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    public List<CommentReport> reportsOf(long commentId) {
        return em.createQuery("select r from CommentReport r where r.comment.id = :c order by r.createdAt, r.id",
                CommentReport.class).setParameter("c", commentId).getResultList();
    }

    /** Fingerprints of what this reader wrote anywhere since the instant. */
    public Set<String> fingerprintsByReader(String readerId, Instant since) {
        return new HashSet<>(em.createQuery("select c.bodyHash from Comment c where c.readerId = :reader"
                        + " and c.createdAt >= :since" + NOT_REFUSED_ON_ARRIVAL, String.class)
                .setParameter("reader", readerId).setParameter("since", since).setMaxResults(1000).getResultList());
    }

    /** Fingerprints of what anyone wrote on this page since the instant. */
    public Set<String> fingerprintsOnPage(long pageId, Instant since) {
        return new HashSet<>(em.createQuery("select c.bodyHash from Comment c where c.page.id = :page"
                        + " and c.createdAt >= :since" + NOT_REFUSED_ON_ARRIVAL, String.class)
                .setParameter("page", pageId).setParameter("since", since).setMaxResults(5000).getResultList());
    }
}
