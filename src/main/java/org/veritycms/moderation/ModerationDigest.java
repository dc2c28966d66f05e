package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.veritycms.comment.CommentStatus;
import org.veritycms.theme.DateFormats;

/** The daily digest: what waits for moderators, what readers reported and what was decided in the last day. */
@ApplicationScoped
public class ModerationDigest {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    ModerationNotices notices;

    @Inject
    DateFormats dates;

    @Inject
    Clock clock;

    /** Writes the digest for the day to every moderator who has not had it; answers how many were written. */
    @Transactional
    public int send(LocalDate day) {
        Instant now = clock.instant();
        Instant dayAgo = now.minus(Duration.ofDays(1));
        long held = countStatus(CommentStatus.PENDING, false);
        long urgent = countStatus(CommentStatus.PENDING, true);
        long hidden = countStatus(CommentStatus.HIDDEN, false);
        long reports = em.createQuery("select count(r) from CommentReport r where r.createdAt >= :since", Long.class)
                .setParameter("since", dayAgo).getSingleResult();
        long decisions = em.createQuery("select count(e) from ModerationLogEntry e where e.createdAt >= :since"
                + " and e.action <> :screened", Long.class).setParameter("since", dayAgo)
                .setParameter("screened", ModerationAction.SCREENED).getSingleResult();
        Instant oldest = em.createQuery("select min(c.createdAt) from Comment c where c.status = :s", Instant.class)
                .setParameter("s", CommentStatus.PENDING).getSingleResult();
        String body = "Comments on " + dates.format(day) + ":\n\n"
                + "- " + held + " waiting for a decision" + (urgent > 0 ? ", " + urgent + " of them safeguarding concerns" : "")
                + (oldest != null ? " (the oldest since " + dates.format(oldest) + ")" : "") + "\n"
                + "- " + hidden + " hidden by readers' reports, waiting for a decision\n"
                + "- " + reports + " reports from readers in the last 24 hours\n"
                + "- " + decisions + " decisions by moderators and readers' reports in the last 24 hours\n\n"
                + "The queue: " + notices.siteUrl() + "/admin/moderation\n";
        String subject = "Moderation digest for " + dates.format(day) + ": " + (held + hidden) + " waiting"
                + (urgent > 0 ? ", " + urgent + " urgent" : "");
        return notices.digest(day, subject, body);
    }

    private long countStatus(CommentStatus status, boolean urgentOnly) {
        return em.createQuery("select count(c) from Comment c where c.status = :s" + (urgentOnly ? " and c.urgent = true" : ""),
                Long.class).setParameter("s", status).getSingleResult();
    }
}
