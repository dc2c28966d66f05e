package org.veritycms.rating;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.notification.Outbox;
import org.veritycms.notification.Recipients;
import org.veritycms.page.Page;

/**
 * Flags a page for early review when readers' ratings fall: of the last {@code window} ratings
 * in this cycle, at least {@code share}% at 1 or 2 stars (once enough have come in). Once per
 * cycle: the flag row's key makes a second flag impossible. The owner is told through the outbox.
 */
@ApplicationScoped
public class FeedbackTrigger {

    private static final Logger LOG = Logger.getLogger(FeedbackTrigger.class.getName());

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource autoCommit;

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
        List<Integer> stars = em.createNativeQuery("select stars from rating where page_id = ?1 and cycle_start = ?2"
                        + " order by updated_at desc, id desc")
                .setParameter(1, page.id()).setParameter(2, cycle).setMaxResults(window).getResultList().stream()
                .map(o -> ((Number) o).intValue()).toList();
        if (!falls(stars, window, share, minimum)) {
            return;
        }
        int lowShare = (int) Math.round(stars.stream().filter(s -> s <= 2).count() * 100.0 / stars.size());
        if (raiseFlag(page.id(), cycle, lowShare)) {
            LOG.warning(() -> "Page '" + page.slug() + "' flagged for early review: " + lowShare + "% of recent ratings at 1-2 stars");
            outbox.enqueue("rating-flag:" + page.id() + ":" + cycle, "RATING_FLAG", recipients.ownerAddress(page.owner()),
                    "Readers are rating \"" + page.title() + "\" poorly",
                    lowShare + "% of the latest readers' ratings of \"" + page.title() + "\" are 1 or 2 stars.\n"
                            + "Please review it early: " + recipients.siteUrl() + "/" + page.topic().slug() + "/" + page.slug() + "\n");
            flagged.fire(new PageFlaggedByReaders(page.slug(), cycle, lowShare));
        }
    }

    /** Inserts the flag unless this cycle already has one; true when this call raised it. */
    private boolean raiseFlag(long pageId, LocalDate cycle, int lowShare) {
        boolean raised = ((Number) em.createNativeQuery("select count(*) from rating_flag where page_id = ?1 and cycle_start = ?2")
                .setParameter(1, pageId).setParameter(2, cycle).getSingleResult()).intValue() > 0;
        if (raised) {
            return false;
        }
        // outside the vote's transaction, so that concurrent votes cannot both raise it
        try (Connection c = autoCommit.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into rating_flag (page_id, cycle_start, flagged_at, low_share)"
                        + " select ?, ?, ?, ? where not exists (select 1 from rating_flag where page_id = ? and cycle_start = ?)")) {
            insert.setLong(1, pageId);
            insert.setDate(2, Date.valueOf(cycle));
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.setInt(4, lowShare);
            insert.setLong(5, pageId);
            insert.setDate(6, Date.valueOf(cycle));
            return insert.executeUpdate() == 1;
        } catch (SQLException raced) {
            return false;
        }
    }

    /** Pages flagged in their current cycle, newest first. */
    public List<Object[]> flaggedPages() {
        return em.createNativeQuery("select p.slug, p.title, f.cycle_start, f.flagged_at, f.low_share from rating_flag f"
                + " join page p on p.id = f.page_id where f.cycle_start = coalesce(p.last_reviewed_on, date '1970-01-01')"
                + " order by f.flagged_at desc").getResultList().stream().map(o -> (Object[]) o).toList();
    }
}
