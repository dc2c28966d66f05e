package org.veritycms.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.notification.Outbox;
import org.veritycms.notification.Recipients;
import org.veritycms.page.Page;

/**
 * Flags a page for early review when readers' ratings fall: of the last {@code window} ratings
 * in this cycle, at least {@code share}% at 1 or 2 stars (once enough have come in). Once per
 * cycle: the flag row's key makes a second flag impossible. The flag, the reader's reason and the
 * owner's mail are written in the vote's own transaction.
 */
@ApplicationScoped
public class FeedbackTrigger {

    private static final Logger LOG = Logger.getLogger(FeedbackTrigger.class.getName());

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Recipients recipients;

    @Inject
    Event<PageFlaggedByReaders> flagged;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "verity.ratings.trigger.window", defaultValue = "50")
    int window;

    @Inject
    @ConfigProperty(name = "verity.ratings.trigger.low-share-percent", defaultValue = "40")
    int share;

    @Inject
    @ConfigProperty(name = "verity.ratings.trigger.min-ratings", defaultValue = "20")
    int minimum;

    /** Whether the last ratings are low enough to flag the page (pure rule, for tests). */
    static boolean falls(List<Integer> lastStars, int window, int share, int minimum) {
        List<Integer> recent = lastStars.subList(0, Math.min(window, lastStars.size()));
        if (recent.size() < Math.min(minimum, window)) {
            return false;
        }
        long low = recent.stream().filter(s -> s <= 2).count();
        return low * 100 >= (long) share * recent.size();
    }

    void check(Page page, LocalDate cycle) {
        // one voice per network address (or per reader, for ratings from before addresses were kept):
        // many votes from one address, cookies or none, count as its latest one
        Map<String, Integer> latestBySource = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select stars, coalesce(address_hash, 'reader:' || reader_id) from rating"
                        + " where page_id = ?1 and cycle_start = ?2 order by updated_at desc, id desc")
                .setParameter(1, page.id()).setParameter(2, cycle).setMaxResults(window).getResultList()) {
            Object[] r = (Object[]) row;
            latestBySource.putIfAbsent((String) r[1], ((Number) r[0]).intValue());
        }
        List<Integer> stars = List.copyOf(latestBySource.values());
        if (!falls(stars, window, share, minimum)) {
            return;
        }
        int lowShare = (int) Math.round(stars.stream().filter(s -> s <= 2).count() * 100.0 / stars.size());
        String reason = readersReason(page.id(), cycle);
        if (raiseFlag(page.id(), cycle, lowShare, reason)) {
            LOG.warning(() -> "Page '" + page.slug() + "' flagged for early review: " + lowShare + "% of recent ratings at 1-2 stars");
            outbox.enqueue("rating-flag:" + page.id() + ":" + cycle, "RATING_FLAG", recipients.ownerAddress(page.owner()),
                    "Readers are rating \"" + page.title() + "\" poorly",
                    lowShare + "% of the latest readers' ratings of \"" + page.title() + "\" are 1 or 2 stars.\n"
                            + (reason == null ? "" : "The latest reader to say why wrote: \"" + reason + "\"\n")
                            + "Please review it early: " + recipients.siteUrl() + "/" + page.topic().slug() + "/" + page.slug() + "\n");
            flagged.fire(new PageFlaggedByReaders(page.slug(), cycle, lowShare));
        }
    }

    /** What the latest reader who rated the page low this cycle said was wrong with it, or null. */
    private String readersReason(long pageId, LocalDate cycle) {
        List<?> notes = em.createNativeQuery("select feedback from rating where page_id = ?1 and cycle_start = ?2"
                        + " and feedback is not null order by updated_at desc, id desc")
                .setParameter(1, pageId).setParameter(2, cycle).setMaxResults(1).getResultList();
        return notes.isEmpty() ? null : (String) notes.get(0);
    }

    /**
     * Inserts the flag unless this cycle already has one; true when this call raised it. In the
     * vote's transaction: a vote rolled back takes its flag and the owner's mail with it, and of
     * two votes raising it at once the second waits for the first's commit and raises nothing.
     */
    private boolean raiseFlag(long pageId, LocalDate cycle, int lowShare, String reason) {
        boolean raised = ((Number) em.createNativeQuery("select count(*) from rating_flag where page_id = ?1 and cycle_start = ?2")
                .setParameter(1, pageId).setParameter(2, cycle).getSingleResult()).intValue() > 0;
        return !raised && em.createNativeQuery("insert into rating_flag (page_id, cycle_start, flagged_at, low_share, reason)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, pageId).setParameter(2, cycle).setParameter(3, clock.instant()).setParameter(4, lowShare)
                .setParameter(5, reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000)))
                .executeUpdate() == 1;
    }

    /** A page flagged by its readers in its current review cycle. */
    public record Flag(String slug, String topic, String title, String owner, LocalDate cycleStart, Instant flaggedAt,
            int lowSharePercent, String reason) {
    }

    /** Pages flagged in their current cycle, newest first. */
    public List<Flag> flaggedPages() {
        List<?> rows = em.createNativeQuery("select p.slug, t.slug, p.title, p.owner, f.cycle_start, f.flagged_at, f.low_share,"
                        + " f.reason from rating_flag f join page p on p.id = f.page_id join topic t on t.id = p.topic_id"
                        + " where f.cycle_start = coalesce(p.last_reviewed_on, date '1970-01-01') order by f.flagged_at desc")
                .getResultList();
        return rows.stream().map(o -> (Object[]) o)
                .map(r -> new Flag((String) r[0], (String) r[1], (String) r[2], (String) r[3], localDate(r[4]), instant(r[5]),
                        ((Number) r[6]).intValue(), (String) r[7])).toList();
    }

    private static LocalDate localDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) o;
    }
}
