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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.veritycms.page.Page;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStanding;
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
    public enum Outcome {
        RECORDED, REPLACED;

        /** The HTTP status that says it: 201 for a new rating, 200 for one that replaced the reader's earlier one. */
        public int status() {
            return this == RECORDED ? 201 : 200;
        }
    }

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
    Clock clock;

    @Inject
    Event<PageChanged> changes;

    /** Rows a page's counts are spread over in each review cycle. */
    static final int SHARDS = 16;

    /** The first row of a page's counts this node adds its votes to; each writer of votes has its own. */
    private final int nodeShard = ThreadLocalRandom.current().nextInt(SHARDS);

    public static LocalDate cycleOf(Page page) {
        return cycleOf(page.standing());
    }

    static LocalDate cycleOf(PageStanding page) {
        LocalDate last = page.lastReviewedOn();
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

    /** A reader's rating of a page, as it came in. */
    public record Ballot(String slug, Voter voter, Stars stars, String feedback) {
    }

    /** What became of a ballot: the vote it made, or the problem that refused it. */
    public record Counted(Vote vote, ProblemException refused) {

        static Counted refused(ProblemException problem) {
            return new Counted(null, problem);
        }

        /** The vote, or the refusal thrown. */
        public Vote orThrow() {
            if (refused != null) {
                throw refused;
            }
            return vote;
        }
    }

    @Transactional
    public Vote rate(String slug, Voter voter, Stars stars, String feedback) {
        return rateAll(List.of(new Ballot(slug, voter, stars, feedback))).get(0).orThrow();
    }

    /**
     * Records readers' ratings in one transaction, each as {@link #rate} records one: the rows are
     * written by one batch of statements, each page's counts change by one update and are read
     * once, and each vote is answered with its page's counts as they stand when the transaction
     * ends. A ballot for a page a reader may not rate is refused on its own.
     */
    @Transactional
    public List<Counted> rateAll(List<Ballot> ballots) {
        Written written = write(ballots, 0);
        announce(written.rated()); // in this transaction: observers hear of it once it has committed
        return written.counted();
    }

    /** What became of a group's ballots, and the pages whose counts changed. */
    public record Written(List<Counted> counted, Set<String> rated) {
    }

    /**
     * {@link #rateAll(List)} for the threads writing votes, numbered from 0, without the change
     * events: each writer adds to its own row of a page's counts, so that none waits for another's
     * row lock, and tells of the rated pages ({@link #announce}) once the transaction has committed.
     * Outside a transaction the observers hear of each page at once, instead of through a deferred
     * notification per page and observer, which was a sixth of a writer's time.
     */
    @Transactional
    public Written write(List<Ballot> ballots, int writer) {
        int shard = (nodeShard + writer) % SHARDS;
        Instant now = clock.instant();
        Map<String, PageStanding> bySlug = new HashMap<>();
        for (PageStanding page : pages.standings(ballots.stream().map(Ballot::slug).distinct().toList())) {
            bySlug.put(page.slug(), page);
        }
        Counted[] counted = new Counted[ballots.size()];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            Ballot ballot = ballots.get(i);
            PageStanding page = bySlug.get(ballot.slug());
            try {
                if (page == null) {
                    throw ProblemException.notFound("There is no page '" + ballot.slug() + "'.");
                }
                readable.require(page, now);
                String kept = ballot.stars().isLow() && ballot.feedback() != null && !ballot.feedback().isBlank()
                        ? ballot.feedback().strip() : null;
                rows.add(new Row(i, page, cycleOf(page), ballot, kept));
            } catch (ProblemException refused) {
                counted[i] = Counted.refused(refused);
            }
        }
        // most readers vote once: the insert is the whole story, and the unique key settles a race
        boolean[] inserted = insert(rows, now);
        Map<PageCycle, int[]> tallies = new LinkedHashMap<>();
        Outcome[] outcomes = new Outcome[ballots.size()];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int[] change = tallies.computeIfAbsent(new PageCycle(row.page(), row.cycle()), k -> new int[6]);
            if (inserted[r]) {
                change[0]++;
                change[row.ballot().stars().value()]++;
                outcomes[row.index()] = Outcome.RECORDED;
                continue;
            }
            try {
                int previous = replace(row, now);
                change[previous]--;
                change[row.ballot().stars().value()]++;
                outcomes[row.index()] = Outcome.REPLACED;
            } catch (ProblemException refused) {
                counted[row.index()] = Counted.refused(refused);
            }
        }
        Map<PageCycle, RatingSummary> after = count(tallies, shard);
        for (Row row : rows) {
            Outcome outcome = outcomes[row.index()];
            if (outcome != null) {
                counted[row.index()] = new Counted(new Vote(outcome, after.get(new PageCycle(row.page(), row.cycle()))), null);
            }
        }
        Set<String> rated = new LinkedHashSet<>();
        tallies.keySet().forEach(key -> rated.add(key.page().slug()));
        return new Written(List.of(counted), rated);
    }

    /** Tells of new ratings of these pages: caches, the front-end caches and the other nodes follow. */
    public void announce(Collection<String> slugs) {
        slugs.forEach(slug -> changes.fire(PageChanged.ratings(slug)));
    }

    /** A ballot for a page that may be rated: its place among the ballots, the page's cycle, the note kept. */
    private record Row(int index, PageStanding page, LocalDate cycle, Ballot ballot, String kept) {
    }

    /** A page and one of its review cycles, told apart by the page's id. */
    private record PageCycle(PageStanding page, LocalDate cycle) {

        @Override
        public boolean equals(Object o) {
            return o instanceof PageCycle other && other.page.id() == page.id() && other.cycle.equals(cycle);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(page.id()) * 31 + cycle.hashCode();
        }
    }

    /** Inserts each row unless the reader has rated the page this cycle; which rows were new. */
    private boolean[] insert(List<Row> rows, Instant now) {
        boolean[] inserted = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return inserted;
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into rating (id, page_id, cycle_start, reader_id,"
                    + " stars, feedback, created_at, updated_at, address_hash) values (nextval('rating_seq'), ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                for (Row row : rows) {
                    insert.setLong(1, row.page().id());
                    insert.setObject(2, row.cycle());
                    insert.setString(3, row.ballot().voter().readerId());
                    insert.setInt(4, row.ballot().stars().value());
                    insert.setString(5, row.kept());
                    insert.setObject(6, at);
                    insert.setObject(7, at);
                    insert.setString(8, row.ballot().voter().addressHash());
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int r = 0; r < counts.length; r++) {
                    inserted[r] = counts[r] == 1;
                }
            }
        });
        return inserted;
    }

    /** Replaces the reader's earlier vote in this cycle; the stars it had. */
    private int replace(Row row, Instant now) {
        long pageId = row.page().id();
        String readerId = row.ballot().voter().readerId();
        List<?> previous = em.createNativeQuery("select stars from rating where page_id = ?1 and cycle_start = ?2"
                        + " and reader_id = ?3 for update")
                .setParameter(1, pageId).setParameter(2, row.cycle()).setParameter(3, readerId).getResultList();
        if (previous.isEmpty()) {
            // the vote the insert collided with was rolled back in between: the reader may simply try again
            throw new ProblemException(Problem.of(409, "vote-conflict", "Please try again",
                    "Your rating crossed with another from you at the same moment. Please send it again."));
        }
        // a new vote without a note keeps the note the reader left before: what they said stays on record
        Query update = em.createNativeQuery("update rating set stars = :stars, " + (row.kept() == null ? "" : "feedback = :feedback, ")
                        + "updated_at = :now, address_hash = :address where page_id = :page and cycle_start = :cycle"
                        + " and reader_id = :reader")
                .setParameter("stars", row.ballot().stars().value()).setParameter("now", now)
                .setParameter("address", row.ballot().voter().addressHash())
                .setParameter("page", pageId).setParameter("cycle", row.cycle()).setParameter("reader", readerId);
        if (row.kept() != null) {
            update.setParameter("feedback", row.kept());
        }
        update.executeUpdate();
        return ((Number) previous.get(0)).intValue();
    }

    /**
     * Adds each page's changes (the total, then 1 to 5 stars) to its count row for the cycle in the
     * given shard, by atomic updates sent as one batch; a row is created on its page's first vote in
     * that shard. Then reads the pages' summaries as they stand in this transaction. Each node's
     * writers count in shards of their own, so they seldom wait for each other's row locks; a
     * replaced vote may take a shard's column below zero, never the page's sum.
     */
    private Map<PageCycle, RatingSummary> count(Map<PageCycle, int[]> tallies, int shard) {
        if (tallies.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<PageCycle, int[]>> changed = tallies.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(n -> n != 0)).toList();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement update = c.prepareStatement("update rating_tally set total = total + ?, s1 = s1 + ?,"
                    + " s2 = s2 + ?, s3 = s3 + ?, s4 = s4 + ?, s5 = s5 + ? where page_id = ? and cycle_start = ? and shard = ?")) {
                for (Map.Entry<PageCycle, int[]> e : changed) {
                    bindTally(update, e.getKey(), e.getValue(), shard);
                    update.addBatch();
                }
                int[] counts = changed.isEmpty() ? new int[0] : update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        PageCycle key = changed.get(i).getKey();
                        ensureTally(key.page().id(), key.cycle(), shard);
                        bindTally(update, key, changed.get(i).getValue(), shard);
                        update.executeUpdate();
                    }
                }
            }
        });
        Map<PageCycle, RatingSummary> after = new HashMap<>();
        Map<Long, PageCycle> byPage = new HashMap<>();
        tallies.keySet().forEach(key -> {
            after.put(key, RatingSummary.empty());
            byPage.put(key.page().id(), key);
        });
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement("select page_id, cycle_start, sum(total), sum(s1), sum(s2), sum(s3),"
                    + " sum(s4), sum(s5) from rating_tally where page_id = any(?) group by page_id, cycle_start")) {
                q.setArray(1, c.createArrayOf("bigint", byPage.keySet().toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        PageCycle key = byPage.get(rs.getLong(1));
                        if (key != null && key.cycle().equals(rs.getObject(2, LocalDate.class))) {
                            after.put(key, new RatingSummary(rs.getInt(3), List.of(rs.getInt(4), rs.getInt(5), rs.getInt(6),
                                    rs.getInt(7), rs.getInt(8))));
                        }
                    }
                }
            }
        });
        return after;
    }

    private void bindTally(PreparedStatement update, PageCycle key, int[] change, int shard) throws SQLException {
        for (int i = 0; i < change.length; i++) {
            update.setInt(i + 1, change[i]);
        }
        update.setLong(7, key.page().id());
        update.setObject(8, key.cycle());
        update.setInt(9, shard);
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
