package org.veritycms.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.notification.Outbox;
import org.veritycms.notification.Recipients;
import org.hibernate.Session;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStanding;
import org.veritycms.shared.SchemaMigration;

/**
 * Flags a page for early review when readers' ratings fall: of the last {@code window} ratings
 * in this cycle, at least {@code share}% at 1 or 2 stars (once enough have come in). Once per
 * cycle: the flag row's key makes a second flag impossible. {@link FallingRatingsWatch} checks the
 * pages just rated, once their votes have committed; the flag, the reader's reason and the owner's
 * mail are written in one transaction.
 */
@ApplicationScoped
public class FeedbackTrigger {

    private static final Logger LOG = Logger.getLogger(FeedbackTrigger.class.getName());

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    PageRepository pages;

    @Inject
    SchemaMigration schema;

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
        return falls(recent.size(), (int) recent.stream().filter(s -> s <= 2).count(), window, share, minimum);
    }

    /** {@link #falls(List, int, int, int)} from the counts of the window's voices and of its low ones. */
    static boolean falls(int voices, int low, int window, int share, int minimum) {
        return voices >= Math.min(minimum, window) && (long) low * 100 >= (long) share * voices;
    }

    /** Checks these pages' current cycles, their latest ratings counted by one statement, and flags those whose ratings fell. */
    @Transactional
    public void checkPages(Collection<String> slugs) {
        Map<PageStanding, LocalDate> cycles = new LinkedHashMap<>();
        pages.standings(slugs).forEach(page -> cycles.put(page, RatingService.cycleOf(page)));
        Map<Long, int[]> voices = latestVoices(cycles);
        cycles.forEach((standing, cycle) -> {
            int[] counted = voices.getOrDefault(standing.id(), new int[2]);
            if (falls(counted[0], counted[1], window, share, minimum)) {
                flag(standing, cycle, (int) Math.round(counted[1] * 100.0 / counted[0]));
            }
        });
    }

    private void flag(PageStanding standing, LocalDate cycle, int lowShare) {
        String reason = readersReason(standing.id(), cycle);
        if (raiseFlag(standing.id(), cycle, lowShare, reason)) {
            Page page = em.find(Page.class, standing.id());
            LOG.warning(() -> "Page '" + page.slug() + "' flagged for early review: " + lowShare + "% of recent ratings at 1-2 stars");
            outbox.enqueue("rating-flag:" + page.id() + ":" + cycle, "RATING_FLAG", recipients.ownerAddress(page.owner()),
                    "Readers are rating \"" + page.title() + "\" poorly",
                    lowShare + "% of the latest readers' ratings of \"" + page.title() + "\" are 1 or 2 stars.\n"
                            + (reason == null ? "" : "The latest reader to say why wrote: \"" + reason + "\"\n")
                            + "Please review it early: " + recipients.siteUrl() + "/" + page.topic().slug() + "/" + page.slug() + "\n");
            flagged.fire(new PageFlaggedByReaders(page.slug(), cycle, lowShare));
        }
    }

    /** A page's latest {@code window} ratings in a cycle, for one voice per source: its latest rating there. */
    private static final String LATEST_VOICES = "select count(*), coalesce(sum(case when stars <= 2 then 1 else 0 end), 0) from"
            + " (select stars, row_number() over (partition by source order by updated_at desc, id desc) as nth from"
            + " (select stars, coalesce(address_hash, 'reader:' || reader_id) as source, updated_at, id from rating"
            + " where page_id = %s and cycle_start = %s order by updated_at desc, id desc limit ?) latest) voiced where nth = 1";
    /** All pages' voices by one statement of one text, planned once: the pages and cycles are two arrays. */
    private static final String POSTGRESQL_VOICES = "select g.page_id, v.* from unnest(cast(? as bigint[]), cast(? as date[]))"
            + " as g(page_id, cycle_start) cross join lateral (" + LATEST_VOICES.formatted("g.page_id", "g.cycle_start") + ") v";
    /** H2 has no lateral join: one branch per page. */
    private static final String H2_VOICES = "(select cast(? as bigint), v.* from (" + LATEST_VOICES.formatted("?", "?") + ") v)";

    /**
     * For each page, how many voices its latest {@code window} ratings in the cycle hold, and how
     * many of them are low: one voice per network address (or per reader, for ratings from before
     * addresses were kept), its latest rating, so that many votes from one address, cookies or
     * none, count as one. Read at every look of the watch, so counted in the database, each page's
     * latest rows found by the index, by one plain JDBC statement. On PostgreSQL its text is the
     * same for any number of pages, so the server plans it once per connection, not once per
     * look (planning a statement with a branch per page took longer than running it).
     */
    private Map<Long, int[]> latestVoices(Map<PageStanding, LocalDate> cycles) {
        Map<Long, int[]> voices = new java.util.HashMap<>();
        if (cycles.isEmpty()) {
            return voices;
        }
        boolean postgresql = "postgresql".equals(schema.vendor());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement(postgresql ? POSTGRESQL_VOICES
                    : String.join(" union all ", java.util.Collections.nCopies(cycles.size(), H2_VOICES)))) {
                if (postgresql) {
                    q.setArray(1, c.createArrayOf("bigint", cycles.keySet().stream().map(PageStanding::id).toArray()));
                    q.setArray(2, c.createArrayOf("date", cycles.values().stream().map(java.sql.Date::valueOf).toArray()));
                    q.setInt(3, window);
                } else {
                    int i = 0;
                    for (Map.Entry<PageStanding, LocalDate> page : cycles.entrySet()) {
                        q.setLong(++i, page.getKey().id());
                        q.setLong(++i, page.getKey().id());
                        q.setObject(++i, page.getValue());
                        q.setInt(++i, window);
                    }
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        voices.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                    }
                }
            }
        });
        return voices;
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
