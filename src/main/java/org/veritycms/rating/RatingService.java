package org.veritycms.rating;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * Records a reader's rating: one per reader, page and review cycle, a second vote replacing the
 * first. The counts change by atomic SQL updates in the vote's transaction, so they stay exact
 * however many readers vote at once, and a page view sums a few small rows, not the ratings.
 */
@ApplicationScoped
public class RatingService {

    /** What happened to the vote. */
    public enum Outcome { RECORDED, REPLACED }

    /** The start of the review cycle a page's ratings belong to (its last review, or the beginning). */
    static final LocalDate BEFORE_ANY_REVIEW = LocalDate.of(1970, 1, 1);

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource autoCommit;

    @Inject
    ReadablePagesRule readable;

    @Inject
    PageRepository pages;

    @Inject
    FeedbackTrigger trigger;

    @Inject
    Clock clock;

    @Inject
    Event<PageChanged> changes;

    /** Rows a page's counts are spread over in each review cycle. */
    static final int SHARDS = 16;

    public static LocalDate cycleOf(Page page) {
        LocalDate last = page.reviewDates().lastReviewedOn();
        return last == null ? BEFORE_ANY_REVIEW : last;
    }

    /** The page a reader may rate now: published and visible; 410 when withdrawn, 404 otherwise. */
    public Page rateable(String slug) {
        Page page = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        return readable.require(page, clock.instant());
    }

    /** What a vote did, and the page's summary for the cycle just after it. */
    public record Vote(Outcome outcome, RatingSummary currentCycle) {
    }

    /**
     * Who voted: the reader (their cookie) and a keyed hash of the network address the vote came
     * from, so that rules about many readers can count distinct addresses too.
     */
    public record Voter(String readerId, String addressHash) {
    }

    @Transactional
    public Vote rate(String slug, Voter voter, Stars stars, String feedback) {
        String readerId = voter.readerId();
        Page page = rateable(slug);
        // a vote changes rows of its own, never the page: left out of the flush, the page and its
        // collections are not checked for changes at every vote's commit
        em.detach(page);
        LocalDate cycle = cycleOf(page);
        String kept = stars.isLow() && feedback != null && !feedback.isBlank() ? feedback.strip() : null;
        Instant now = clock.instant();
        // most readers vote once: the insert is the whole story, and the unique key settles a race
        int inserted = em.createNativeQuery("insert into rating (id, page_id, cycle_start, reader_id, stars, feedback,"
                        + " created_at, updated_at, address_hash) values (nextval('rating_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)"
                        + " on conflict do nothing")
                .setParameter(1, page.id()).setParameter(2, cycle).setParameter(3, readerId)
                .setParameter(4, stars.value()).setParameter(5, kept).setParameter(6, now)
                .setParameter(7, voter.addressHash()).executeUpdate();
        Outcome outcome = inserted == 1 ? Outcome.RECORDED : Outcome.REPLACED;
        int previousStars = inserted == 1 ? 0 : replace(page.id(), cycle, voter, stars, kept, now);
        trigger.check(page, cycle);
        // the counts are every vote's hot spot: they are read without a lock, then changed last, so a
        // count row's lock is held only from that update to the commit
        RatingSummary before = summary(page.id(), cycle, false);
        if (outcome == Outcome.RECORDED) {
            count(page.id(), cycle, "total = total + 1, " + column(stars.value()) + " = " + column(stars.value()) + " + 1");
        } else if (previousStars != stars.value()) {
            count(page.id(), cycle, column(previousStars) + " = " + column(previousStars) + " - 1, "
                    + column(stars.value()) + " = " + column(stars.value()) + " + 1");
        }
        changes.fire(PageChanged.ratings(page.slug()));
        return new Vote(outcome, previousStars == stars.value() ? before : before.withVote(stars.value(), previousStars));
    }

    /** Replaces the reader's earlier vote in this cycle; the stars it had. */
    private int replace(long pageId, LocalDate cycle, Voter voter, Stars stars, String kept, Instant now) {
        String readerId = voter.readerId();
        List<?> previous = em.createNativeQuery("select stars from rating where page_id = ?1 and cycle_start = ?2"
                        + " and reader_id = ?3 for update")
                .setParameter(1, pageId).setParameter(2, cycle).setParameter(3, readerId).getResultList();
        if (previous.isEmpty()) {
            // the vote the insert collided with was rolled back in between: the reader may simply try again
            throw new ProblemException(Problem.of(409, "vote-conflict", "Please try again",
                    "Your rating crossed with another from you at the same moment. Please send it again."));
        }
        // a new vote without a note keeps the note the reader left before: what they said stays on record
        Query update = em.createNativeQuery("update rating set stars = :stars, " + (kept == null ? "" : "feedback = :feedback, ")
                        + "updated_at = :now, address_hash = :address where page_id = :page and cycle_start = :cycle"
                        + " and reader_id = :reader")
                .setParameter("stars", stars.value()).setParameter("now", now).setParameter("address", voter.addressHash())
                .setParameter("page", pageId).setParameter("cycle", cycle).setParameter("reader", readerId);
        if (kept != null) {
            update.setParameter("feedback", kept);
        }
        update.executeUpdate();
        return ((Number) previous.get(0)).intValue();
    }

    /**
     * Changes one of the page's count rows for the cycle, picked at random, by an atomic update; the
     * row is created on its first vote. Spread over {@link #SHARDS} rows, concurrent votes on one
     * page seldom wait for each other's commit; a replaced vote may take a shard's column below
     * zero, never the page's sum.
     */
    private void count(long pageId, LocalDate cycle, String assignments) {
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        String update = "update rating_tally set " + assignments + " where page_id = ?1 and cycle_start = ?2 and shard = ?3";
        if (em.createNativeQuery(update).setParameter(1, pageId).setParameter(2, cycle).setParameter(3, shard).executeUpdate() == 0) {
            ensureTally(pageId, cycle, shard);
            em.createNativeQuery(update).setParameter(1, pageId).setParameter(2, cycle).setParameter(3, shard).executeUpdate();
        }
    }

    /** This cycle's summary, or all cycles' added up. */
    public RatingSummary summary(long pageId, LocalDate cycle, boolean allTime) {
        List<?> rows = em.createNativeQuery("select coalesce(sum(total), 0), coalesce(sum(s1), 0), coalesce(sum(s2), 0),"
                        + " coalesce(sum(s3), 0), coalesce(sum(s4), 0), coalesce(sum(s5), 0) from rating_tally where page_id = ?1"
                        + (allTime ? "" : " and cycle_start = ?2"))
                .setParameter(1, pageId).setParameter(allTime ? 1 : 2, allTime ? pageId : cycle).getResultList();
        RatingSummary total = RatingSummary.empty();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            total = total.plus(new RatingSummary(n(r[0]), List.of(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]))));
        }
        return total;
    }

    /** "What was wrong with this page?" notes for editors, newest first. */
    public List<Feedback> feedback(long pageId, int limit) {
        List<?> rows = em.createNativeQuery("select stars, feedback, updated_at from rating where page_id = ?1"
                        + " and feedback is not null order by updated_at desc")
                .setParameter(1, pageId).setMaxResults(limit).getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new Feedback(n(r[0]), (String) r[1], instant(r[2]))).toList();
    }

    /** One reader's note on a page that failed them. */
    public record Feedback(int stars, String text, Instant at) {
    }

    /** Creates a count row outside the vote's transaction, so concurrent first votes never collide on it. */
    private void ensureTally(long pageId, LocalDate cycle, int shard) {
        try (Connection c = autoCommit.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into rating_tally (page_id, cycle_start, shard, total,"
                        + " s1, s2, s3, s4, s5) select ?, ?, ?, 0, 0, 0, 0, 0, 0 where not exists (select 1 from rating_tally"
                        + " where page_id = ? and cycle_start = ? and shard = ?)")) {
            insert.setLong(1, pageId);
            insert.setDate(2, Date.valueOf(cycle));
            insert.setInt(3, shard);
            insert.setLong(4, pageId);
            insert.setDate(5, Date.valueOf(cycle));
            insert.setInt(6, shard);
            insert.executeUpdate();
        } catch (SQLException raced) {
            // another vote created it a moment ago
        }
    }

    private static String column(int stars) {
        return "s" + new Stars(stars).value();
    }

    private static int n(Object o) {
        return ((Number) o).intValue();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return Instant.parse(o.toString());
    }
}
