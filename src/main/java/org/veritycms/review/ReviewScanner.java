package org.veritycms.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.page.ReviewPolicy;
import org.veritycms.scheduling.JobInterrupted;
import org.veritycms.shared.Conflicts;
import org.veritycms.shared.VerityClock;

/**
 * The daily review scan. Its cost follows the pages that are due, not all pages: one indexed
 * range query lists published pages whose effective due date falls inside the reminder window;
 * they are worked through in chunks, each its own transaction ({@link ReviewScanChunk}), then one
 * digest per owner, each its own transaction. Every step is idempotent, so a scan that stops
 * part-way keeps what it committed and the next run does the rest; two scans at once send each
 * reminder once.
 */
@ApplicationScoped
public class ReviewScanner {

    private static final Logger LOG = Logger.getLogger(ReviewScanner.class.getName());

    /** Attempts at a chunk that lost a race with another scan (a page withdrawn by both, say). */
    private static final int ATTEMPTS = 3;

    /** What a scan did. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReviewScanResult")
    public record Result(int pagesDue, int remindersQueued, int withdrawn, int digests) {
    }

    /** One chunk of a scan, committed (fired inside its transaction, for observers of progress). */
    public record ChunkDone(LocalDate day, int chunk, int chunks, int pages, int reminders, int withdrawn) {
    }

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    ReviewPolicy policy;

    @Inject
    ReviewScanChunk chunks;

    @Inject
    ReviewDigests digests;

    @Inject
    VerityClock clock;

    @Inject
    @ConfigProperty(name = "verity.review.scan.chunk-size", defaultValue = "500")
    int chunkSize;

    public Result scan() {
        return scan(chunkSize);
    }

    Result scan(int pagesPerChunk) {
        LocalDate today = clock.today();
        List<Long> due = duePageIds(today);
        int count = (due.size() + pagesPerChunk - 1) / pagesPerChunk;
        int reminders = 0;
        int withdrawn = 0;
        for (int i = 0; i < count; i++) {
            try {
                ChunkDone done = runChunk(due.subList(i * pagesPerChunk, Math.min(due.size(), (i + 1) * pagesPerChunk)),
                        today, i + 1, count);
                reminders += done.reminders();
                withdrawn += done.withdrawn();
            } catch (RuntimeException e) {
                throw interrupted("Review scan for " + today + " stopped in chunk " + (i + 1) + " of " + count + " after "
                        + Math.min(due.size(), i * pagesPerChunk) + " of " + due.size() + " due pages (" + reminders
                        + " reminders, " + withdrawn + " withdrawn)", reminders + withdrawn, e);
            }
        }
        int digestCount = 0;
        for (String owner : digests.ownersWaiting()) {
            try {
                digestCount += digests.compose(owner, today);
            } catch (RuntimeException e) {
                throw interrupted("Review scan for " + today + " stopped composing the digests after all " + due.size()
                        + " due pages (" + reminders + " reminders, " + withdrawn + " withdrawn, " + digestCount + " messages)",
                        reminders + withdrawn, e);
            }
        }
        Result result = new Result(due.size(), reminders, withdrawn, digestCount);
        LOG.info(() -> "Review scan for " + today + ": " + result);
        return result;
    }

    private ChunkDone runChunk(List<Long> pageIds, LocalDate today, int chunk, int count) {
        for (int attempt = 1; ; attempt++) {
            try {
                return chunks.run(pageIds, today, chunk, count);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !Conflicts.isConflict(e)) {
                    throw e;
                }
                LOG.info(() -> "Review scan chunk " + chunk + " crossed another scan; running it again");
            }
        }
    }

    private static JobInterrupted interrupted(String progress, int items, RuntimeException cause) {
        return new JobInterrupted(progress + ": a new run finishes the rest. " + cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), items, cause);
    }

    private List<Long> duePageIds(LocalDate today) {
        return em.createQuery("select p.id from Page p where p.effectiveReviewDue <= :horizon and p.status = 'PUBLISHED'"
                        + " order by p.id", Long.class)
                .setParameter("horizon", today.plusDays(policy.firstReminderDays())).getResultList();
    }
}
