package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.veritycms.comment.Comment;
import org.veritycms.comment.CommentStatus;

/** The append-only record of every decision about a comment, by people and by the screens. */
@ApplicationScoped
public class ModerationLog {

    /** The longest note a moderator may keep with a decision (the log's column). */
    public static final int MAX_NOTE = 2000;

    /** A log entry as the admin and the API show it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ModerationLogEntry")
    public record Entry(long id, long commentId, String pageSlug, String action, String actor, String statusBefore,
            String statusAfter, String reason, String note, String at) {

        static Entry of(ModerationLogEntry e) {
            return new Entry(e.id(), e.commentId(), e.pageSlug(), e.action().name(), e.actor(),
                    e.statusBefore() == null ? null : e.statusBefore().name(), e.statusAfter().name(), e.reason(),
                    e.note(), e.createdAt().toString());
        }
    }

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Clock clock;

    /** Appends an entry in the caller's transaction. */
    public void append(Comment comment, ModerationAction action, String actor, CommentStatus before, String reason,
            String note) {
        em.persist(new ModerationLogEntry(comment.id(), comment.page().slug(), action, actor, before, comment.status(),
                reason, note, clock.instant()));
    }

    @Transactional
    public List<Entry> forComment(long commentId) {
        return em.createQuery("select e from ModerationLogEntry e where e.commentId = :c order by e.createdAt, e.id",
                ModerationLogEntry.class).setParameter("c", commentId).getResultStream().map(Entry::of).toList();
    }

    /** The latest entries, newest first. */
    @Transactional
    public List<Entry> latest(int offset, int limit) {
        return em.createQuery("select e from ModerationLogEntry e order by e.createdAt desc, e.id desc",
                        ModerationLogEntry.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.min(Math.max(1, limit), 500))
                .getResultStream().map(Entry::of).toList();
    }
}
