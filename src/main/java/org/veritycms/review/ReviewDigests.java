package org.veritycms.review;

import org.veritycms.page.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.veritycms.notification.Notification;
import org.veritycms.notification.Outbox;
import org.veritycms.notification.Recipients;

/**
 * Turns the day's new reminders into one digest per owner rather than one mail per page, and an
 * escalation to the owner's lead and the administrators for escalated stages.
 */
@ApplicationScoped
public class ReviewDigests {

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    /** Pages listed in one message (its body column holds 100,000 characters). */
    static final int MAX_LINES = 150;

    /** One line of a digest. */
    record Line(ReviewReminder reminder, String title, String url, LocalDate due) {
    }

    /** Owners with reminders not yet in a digest. */
    public List<String> ownersWaiting() {
        return em.createQuery("select distinct r.owner from ReviewReminder r where r.notificationId is null order by r.owner",
                String.class).getResultList();
    }

    /**
     * Composes the owner's digest from reminders not yet sent, in its own transaction; returns how
     * many messages were queued. A second scan composing the same digest at once finds the same
     * key taken and queues nothing more.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int compose(String owner, LocalDate today) {
        // a second scan composing this owner's digest waits here, then finds the reminders taken
        List<Long> pending = ((List<?>) em.createNativeQuery("select id from review_reminder where owner = ?1"
                        + " and notification_id is null order by id for update")
                .setParameter(1, owner).getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        List<Line> lines = new ArrayList<>(pending.size());
        for (int from = 0; from < pending.size(); from += 1000) {
            List<Object[]> rows = em.createQuery("select r, p.title, p.slug, t.slug, p.effectiveReviewDue from ReviewReminder r,"
                            + " Page p join p.topic t where r.pageId = p.id and r.id in :ids and r.notificationId is null", Object[].class)
                    .setParameter("ids", pending.subList(from, Math.min(pending.size(), from + 1000))).getResultList();
            for (Object[] row : rows) {
                lines.add(new Line((ReviewReminder) row[0], (String) row[1], siteUrl() + "/" + row[3] + "/" + row[2],
                        (LocalDate) row[4]));
            }
        }
        if (lines.isEmpty()) {
            return 0;
        }
        lines.sort(java.util.Comparator.comparing((Line l) -> l.reminder().cycleDue()).thenComparing(Line::title));
        long first = lines.stream().mapToLong(l -> l.reminder().id()).min().orElseThrow();
        Notification digest = outbox.enqueue("review-digest:" + owner + ":" + today + ":" + first, "REVIEW_DIGEST",
                ownerAddress(owner), "Pages to review for " + owner + " (" + lines.size() + ")", body(owner, lines, today));
        int queued = 1;
        List<Line> escalated = lines.stream().filter(l -> ReviewPolicy.escalates(l.reminder().stage())).toList();
        if (!escalated.isEmpty()) {
            for (String to : escalationAddresses(owner)) {
                outbox.enqueue("review-escalation:" + owner + ":" + today + ":" + first + ":" + to, "REVIEW_ESCALATION", to,
                        "Overdue reviews for " + owner + " (" + escalated.size() + ")", body(owner, escalated, today));
                queued++;
            }
        }
        // one statement per thousand reminders rather than one per reminder
        List<Long> ids = lines.stream().map(l -> l.reminder().id()).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createQuery("update ReviewReminder r set r.notificationId = :notification where r.id in :ids")
                    .setParameter("notification", digest.id())
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).executeUpdate();
        }
        return queued;
    }

    private String body(String owner, List<Line> lines, LocalDate today) {
        StringBuilder text = new StringBuilder("Review reminders for ").append(owner).append(" on ").append(today)
                .append(".\n\n");
        // a message has room for a few hundred lines; an owner with more is sent to the dashboard
        int shown = Math.min(lines.size(), MAX_LINES);
        for (Line l : lines.subList(0, shown)) {
            text.append("- ").append(l.title()).append(": ").append(describe(l.reminder().stage(), l.due(), today))
                    .append("\n  ").append(l.url()).append('\n');
        }
        if (shown < lines.size()) {
            text.append("- and ").append(lines.size() - shown).append(" more pages: see the review dashboard at ")
                    .append(siteUrl()).append("/admin\n");
        }
        return text.append("\nA clinical reviewer can sign off each page from its review screen in the admin.\n").toString();
    }

    /** The truth of one page's review: its real due date, the days left or overdue, and what has followed. */
    static String describe(String stage, LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        String when = days > 0 ? "review due on " + due + ", in " + days + (days == 1 ? " day" : " days")
                : days == 0 ? "review due today (" + due + ")"
                : "review overdue since " + due + ", by " + -days + (days == -1 ? " day" : " days");
        return when + switch (stage) {
            case "ESCALATE" -> "; escalated";
            case "NOTICE" -> "; readers now see a public notice";
            case "WITHDRAWN" -> "; withdrawn from the site until reviewed";
            default -> "";
        };
    }

    private String ownerAddress(String owner) {
        return recipients.ownerAddress(owner);
    }

    private Set<String> escalationAddresses(String owner) {
        return recipients.escalationAddresses(owner);
    }

    private String siteUrl() {
        return recipients.siteUrl();
    }
}
