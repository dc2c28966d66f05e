package org.veritycms.rating;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import javax.sql.DataSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStatus;
import org.veritycms.shared.ProblemException;

/**
 * Records a reader's rating: one per reader, page and review cycle, a second vote replacing the
 * first. The summary row changes by atomic SQL updates in the vote's transaction, so counts stay
 * exact however many readers vote at once, and a page view reads one small row, not the ratings.
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
    PageRepository pages;

    @Inject
    FeedbackTrigger trigger;

    @Inject
    Clock clock;

    @Inject
    Event<PageChanged> changes;

    public static LocalDate cycleOf(Page page) {
        LocalDate last = page.reviewDates().lastReviewedOn();
        return last == null ? BEFORE_ANY_REVIEW : last;
    }

    /** The page a reader may rate now: published and visible; 410 when withdrawn, 404 otherwise. */
    public Page rateable(String slug) {
        Page page = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        if (page.status() == PageStatus.WITHDRAWN) {
            throw ProblemException.gone("The page '" + slug + "' has been withdrawn and cannot be rated.");
        }
        if (!page.isVisibleAt(clock.instant())) {
            throw ProblemException.notFound("There is no page '" + slug + "'.");
        }
        return page;
    }

    @Transactional
    public Outcome rate(String slug, String readerId, Stars stars, String feedback) {
        Page page = rateable(slug);
        LocalDate cycle = cycleOf(page);
        ensureSummary(page.id(), cycle);
        String kept = stars.isLow() && feedback != null && !feedback.isBlank() ? feedback.strip() : null;
        Instant now = clock.instant();
        List<?> previous = em.createNativeQuery("select stars from rating where page_id = ?1 and cycle_start = ?2"
                        + " and reader_id = ?3 for update")
                .setParameter(1, page.id()).setParameter(2, cycle).setParameter(3, readerId).getResultList();
        Outcome outcome;
        int previousStars = 0;
        if (previous.isEmpty()) {
            em.createNativeQuery("insert into rating (id, page_id, cycle_start, reader_id, stars, feedback, created_at, updated_at)"
                            + " values (nextval('rating_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?6)")
                    .setParameter(1, page.id()).setParameter(2, cycle).setParameter(3, readerId)
                    .setParameter(4, stars.value()).setParameter(5, kept).setParameter(6, now).executeUpdate();
            outcome = Outcome.RECORDED;
        } else {
            int old = ((Number) previous.get(0)).intValue();
            em.createNativeQuery("update rating set stars = ?1, feedback = ?2, updated_at = ?3 where page_id = ?4"
                            + " and cycle_start = ?5 and reader_id = ?6")
                    .setParameter(1, stars.value()).setParameter(2, kept).setParameter(3, now).setParameter(4, page.id())
                    .setParameter(5, cycle).setParameter(6, readerId).executeUpdate();
            outcome = Outcome.REPLACED;
            previousStars = old;
        }
        trigger.check(page, cycle);
        // the summary row is every vote's hot spot: it is changed last, so its row lock is held only
        // from this statement to the commit, not while the trigger reads and the flag is written
        if (outcome == Outcome.RECORDED) {
            em.createNativeQuery("update rating_summary set total = total + 1, " + column(stars.value()) + " = "
                            + column(stars.value()) + " + 1 where page_id = ?1 and cycle_start = ?2")
                    .setParameter(1, page.id()).setParameter(2, cycle).executeUpdate();
        } else if (previousStars != stars.value()) {
            em.createNativeQuery("update rating_summary set " + column(previousStars) + " = " + column(previousStars) + " - 1, "
                            + column(stars.value()) + " = " + column(stars.value()) + " + 1"
                            + " where page_id = ?1 and cycle_start = ?2")
                    .setParameter(1, page.id()).setParameter(2, cycle).executeUpdate();
        }
        changes.fire(new PageChanged(page.slug()));
        return outcome;
    }

    /** This cycle's summary, or all cycles' added up. */
    public RatingSummary summary(long pageId, LocalDate cycle, boolean allTime) {
        List<?> rows = em.createNativeQuery("select total, s1, s2, s3, s4, s5 from rating_summary where page_id = ?1"
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

    /** Creates the summary row outside the vote's transaction, so concurrent first votes never collide on it. */
    private void ensureSummary(long pageId, LocalDate cycle) {
        try (Connection c = autoCommit.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into rating_summary (page_id, cycle_start, total,"
                        + " s1, s2, s3, s4, s5) select ?, ?, 0, 0, 0, 0, 0, 0 where not exists (select 1 from rating_summary"
                        + " where page_id = ? and cycle_start = ?)")) {
            insert.setLong(1, pageId);
            insert.setDate(2, Date.valueOf(cycle));
            insert.setLong(3, pageId);
            insert.setDate(4, Date.valueOf(cycle));
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
