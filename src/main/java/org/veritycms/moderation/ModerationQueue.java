package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.veritycms.comment.Comment;
import org.veritycms.comment.CommentReport;
import org.veritycms.comment.CommentStatus;
import org.veritycms.comment.ReportReason;
import org.veritycms.shared.ProblemException;

/**
 * The comments moderators look at, filtered by status, reason and page. By default the open
 * queue: held and hidden comments, safeguarding first, oldest first. Three queries whatever the
 * page size: the comments with their pages, their total, and their reports.
 */
@ApplicationScoped
public class ModerationQueue {

    /** {@code status}: {@code open} (held and hidden), {@code all}, or a status; {@code reason}: a screen or report reason code. */
    public record Filter(String status, String reason, String page, int offset, int limit) {

        public Filter {
            status = status == null || status.isBlank() ? "open" : status.strip();
            reason = reason == null || reason.isBlank() ? null : reason.strip().toLowerCase(Locale.ROOT);
            page = page == null || page.isBlank() ? null : page.strip();
            offset = Math.max(0, offset);
            limit = limit <= 0 ? 50 : Math.min(limit, 200);
        }
    }

    /** A comment as a moderator sees it: the body as typed (shown escaped), never the author's e-mail address. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ModerationItem")
    public record Item(long id, String pageSlug, String pageTitle, String pageUrl, Long parentId, String author,
            boolean authorGaveEmail, String body, String status, boolean urgent, List<String> reasons, String notes,
            String createdAt, int reportCount, Map<String, Long> reportsByReason, boolean moderatorApproved,
            String decidedBy, String rejectionReason) {
    }

    /** One page of the queue and how many comments match in all. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ModerationQueuePage")
    public record Result(long total, int offset, int limit, List<Item> items) {
    }

    private static final Set<CommentStatus> OPEN = EnumSet.of(CommentStatus.PENDING, CommentStatus.HIDDEN);

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Transactional
    public Result find(Filter filter) {
        Set<CommentStatus> statuses = statuses(filter.status());
        StringBuilder where = new StringBuilder(" where c.status in :statuses");
        if (filter.page() != null) {
            where.append(" and c.page.slug = :page");
        }
        if ("reported".equals(filter.reason())) {
            where.append(" and exists (select r.id from CommentReport r where r.comment = c)");
        } else if (filter.reason() != null) {
            where.append(" and (c.screenReasons like :like"
                    + " or exists (select r.id from CommentReport r where r.comment = c and r.reason = :reportReason))");
        }
        boolean queueOrder = OPEN.containsAll(statuses);
        TypedQuery<Comment> query = em.createQuery("select c from Comment c" + where + " order by c.urgent desc, c.createdAt "
                + (queueOrder ? "asc" : "desc") + ", c.id", Comment.class);
        EntityGraph<Comment> withPage = em.createEntityGraph(Comment.class);
        withPage.addSubgraph("page").addAttributeNodes("topic");
        query.setHint("jakarta.persistence.loadgraph", withPage);
        TypedQuery<Long> count = em.createQuery("select count(c) from Comment c" + where, Long.class);
        bind(query, filter, statuses);
        bind(count, filter, statuses);
        List<Comment> found = query.setFirstResult(filter.offset()).setMaxResults(filter.limit()).getResultList();
        Map<Long, Map<String, Long>> reports = reportsOf(found);
        return new Result(count.getSingleResult(), filter.offset(), filter.limit(),
                found.stream().map(c -> item(c, reports.getOrDefault(c.id(), Map.of()))).toList());
    }

    /** One comment with everything a moderator needs. */
    @Transactional
    public Item one(long id) {
        Comment comment = em.find(Comment.class, id);
        if (comment == null) {
            throw ProblemException.notFound("There is no comment " + id + ".");
        }
        return item(comment, reportsOf(List.of(comment)).getOrDefault(id, Map.of()));
    }

    /** The reports on a comment: reason, note and when. */
    @Transactional
    public List<Map<String, String>> reports(long commentId) {
        return em.createQuery("select r from CommentReport r where r.comment.id = :c order by r.createdAt, r.id",
                        CommentReport.class).setParameter("c", commentId).getResultStream()
                .map(r -> Map.of("reason", r.reason().code(), "note", r.note() == null ? "" : r.note(),
                        "at", r.createdAt().toString()))
                .toList();
    }

    private static void bind(TypedQuery<?> query, Filter filter, Set<CommentStatus> statuses) {
        query.setParameter("statuses", statuses);
        if (filter.page() != null) {
            query.setParameter("page", filter.page());
        }
        if (filter.reason() != null && !"reported".equals(filter.reason())) {
            query.setParameter("like", "%," + filter.reason().replace("%", "").replace("_", "") + ",%");
            query.setParameter("reportReason", ReportReason.fromCode(filter.reason()).orElse(null));
        }
    }

    static Set<CommentStatus> statuses(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "open" -> OPEN;
            case "all" -> EnumSet.allOf(CommentStatus.class);
            default -> {
                try {
                    yield EnumSet.of(CommentStatus.valueOf(status.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("unknown-status", "Unknown status '" + status
                            + "': use open, all, pending, published, hidden, rejected or spam.");
                }
            }
        };
    }

    private Map<Long, Map<String, Long>> reportsOf(List<Comment> found) {
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, Long>> byComment = new HashMap<>();
        em.createQuery("select r.comment.id, r.reason, count(r) from CommentReport r where r.comment.id in :ids"
                        + " group by r.comment.id, r.reason", Object[].class)
                .setParameter("ids", found.stream().map(Comment::id).toList()).getResultList()
                .forEach(row -> byComment.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>())
                        .put(((ReportReason) row[1]).code(), (Long) row[2]));
        return byComment;
    }

    private static Item item(Comment c, Map<String, Long> reports) {
        String topic = c.page().topic().slug();
        return new Item(c.id(), c.page().slug(), c.page().title(), "/" + topic + "/" + c.page().slug(), c.parentId(),
                c.authorName(), c.hasAuthorEmail(), c.body(), c.status().name(), c.urgent(), c.screenReasonCodes(),
                c.screenNotes(), c.createdAt().toString(), (int) reports.values().stream().mapToLong(Long::longValue).sum(),
                reports, c.moderatorApproved(), c.decidedBy(), c.rejectionReason());
    }
}
