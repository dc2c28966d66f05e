package org.veritycms.review;

import org.veritycms.page.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
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
    record Line(long reminderId, LocalDate cycleDue, String stage, String title, String url, LocalDate due) {
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
        List<Line> lines = pendingLines(owner);
        if (lines.isEmpty()) {
            return 0;
        }
        lines.sort(java.util.Comparator.comparing(Line::cycleDue).thenComparing(Line::title));
        long first = lines.stream().mapToLong(Line::reminderId).min().orElseThrow();
        Notification digest = outbox.enqueue("review-digest:" + owner + ":" + today + ":" + first, "REVIEW_DIGEST",
                ownerAddress(owner), "Pages to review for " + owner + " (" + lines.size() + ")", body(owner, lines, today));
        int queued = 1;
        List<Line> escalated = lines.stream().filter(l -> ReviewPolicy.escalates(l.stage())).toList();
        if (!escalated.isEmpty()) {
            for (String to : escalationAddresses(owner)) {
                outbox.enqueue("review-escalation:" + owner + ":" + today + ":" + first + ":" + to, "REVIEW_ESCALATION", to,
                        "Overdue reviews for " + owner + " (" + escalated.size() + ")", body(owner, escalated, today));
                queued++;
            }
        }
        Object[] ids = lines.stream().map(Line::reminderId).toArray();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "update review_reminder set notification_id = ? where id = any(?)")) {
                update.setLong(1, digest.id());
                update.setArray(2, c.createArrayOf("bigint", ids));
                update.executeUpdate();
            }
        });
        return queued;
    }

    /**
     * The owner's reminders not yet in a digest, locked (a second scan composing this owner's digest
     * waits here, then finds them taken), each with its page. Statements of one text whatever the
     * count, so the database plans them once, not once per owner.
     */
    private List<Line> pendingLines(String owner) {
        List<Line> lines = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            Map<Long, List<Object[]>> byPage = new HashMap<>();
            try (PreparedStatement pending = c.prepareStatement("select id, page_id, cycle_due, stage from review_reminder"
                    + " where owner = ? and notification_id is null order by id for update")) {
                pending.setString(1, owner);
                try (ResultSet rs = pending.executeQuery()) {
                    while (rs.next()) {
                        byPage.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>())
                                .add(new Object[] {rs.getLong(1), rs.getObject(3, LocalDate.class), rs.getString(4)});
                    }
                }
            }
            if (byPage.isEmpty()) {
                return;
            }
            try (PreparedStatement pages = c.prepareStatement("select p.id, p.title, p.slug, t.slug, p.effective_review_due"
                    + " from page p join topic t on t.id = p.topic_id where p.id = any(?)")) {
                pages.setArray(1, c.createArrayOf("bigint", byPage.keySet().toArray()));
                try (ResultSet rs = pages.executeQuery()) {
                    while (rs.next()) {
                        String url = siteUrl() + "/" + rs.getString(4) + "/" + rs.getString(3);
                        for (Object[] r : byPage.get(rs.getLong(1))) {
                            lines.add(new Line((Long) r[0], (LocalDate) r[1], (String) r[2], rs.getString(2), url,
                                    rs.getObject(5, LocalDate.class)));
                        }
                    }
                }
            }
        });
        return lines;
    }

    private String body(String owner, List<Line> lines, LocalDate today) {
        StringBuilder text = new StringBuilder("Review reminders for ").append(owner).append(" on ").append(today)
                .append(".\n\n");
        // a message has room for a few hundred lines; an owner with more is sent to the dashboard
        int shown = Math.min(lines.size(), MAX_LINES);
        for (Line l : lines.subList(0, shown)) {
            text.append("- ").append(l.title()).append(": ").append(describe(l.stage(), l.due(), today))
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
