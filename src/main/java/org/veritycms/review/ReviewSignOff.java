package org.veritycms.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.MediaItem;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.ReviewKind;
import org.veritycms.page.ReviewPolicy;
import org.veritycms.page.ReviewRecord;
import org.veritycms.page.RiskTier;
import org.veritycms.page.StaleRevision;
import org.veritycms.page.WorkflowRefused;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.VerityClock;

/**
 * Recording a review, always pinned to the exact content reviewed: the request names the revision
 * (and, for a media item, the item's revision) the reviewer read; if a newer one exists the answer
 * is 409 and nothing is recorded. Only a clinical reviewer records FULL or NO_CHANGE, and never on
 * content they wrote any revision of since the last review (four eyes over the whole change).
 * There are two ways in: the approval of a page's working revision in the workflow (a FULL review
 * that the page goes live with), and the periodic review of live content, which resets its dates
 * and lifts a withdrawal that only an overdue review caused. PARTIAL is logged and moves no date.
 */
@ApplicationScoped
public class ReviewSignOff {

    /** What the reviewer submits: what they reviewed, exactly, and what they found. */
    public record Request(ReviewKind kind, Integer revision, Long mediaItemId, Integer mediaRevision, String scopeNotes,
            LocalDate nextDue, String registrationNumber) {
    }

    @Inject
    PageRepository pages;

    @Inject
    PageCatalogue catalogue;

    @Inject
    ReviewPolicy policy;

    @Inject
    VerityClock clock;

    @Inject
    AuditLog audit;

    /**
     * The clinical approval of a page's working revision: a FULL review of that revision, kept on
     * the page until an editor publishes it. The caller audits the workflow step.
     */
    public ReviewRecord approve(Page page, int revisionNumber, String scopeNotes, LocalDate nextDue, Account reviewer) {
        if (revisionNumber != page.workingRevision()) {
            throw stale(new StaleRevision(revisionNumber, page.workingRevision()));
        }
        PageRevision revision = catalogue.revisionOf(page, revisionNumber);
        requireClinicalReviewer(reviewer, ReviewKind.FULL);
        requireFourEyes(page, revisionNumber, reviewer);
        LocalDate today = clock.today();
        ReviewRecord record = new ReviewRecord(ReviewRecord.Subject.page(page, revision), ReviewKind.FULL,
                signature(reviewer, null), scopeNotes, today, nextDue(revision.source().tier(), nextDue, today),
                clock.instant());
        pages.addReview(record);
        try {
            page.approve(record);
        } catch (StaleRevision e) {
            throw stale(e);
        } catch (WorkflowRefused e) {
            throw ProblemException.conflict("workflow", e.getMessage() + ".");
        }
        return record;
    }

    /** A review of a page's live content, or of one of its media items. */
    @Transactional
    public ReviewRecord record(String slug, Request request, Account reviewer) {
        validate(request);
        Page page = pages.findBySlugForUpdate(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        if (page.liveRevision() == null) {
            throw ProblemException.conflict("not-live", "The page has never been published: its first review is the"
                    + " clinical approval in the workflow.");
        }
        if (request.revision() != page.liveRevision().intValue()) {
            throw stale(new StaleRevision(request.revision(), page.liveRevision()));
        }
        if (request.kind().resetsDates()) {
            requireClinicalReviewer(reviewer, request.kind());
            requireFourEyes(page, page.liveRevision(), reviewer);
        } else if (!reviewer.hasRole(Role.CLINICAL_REVIEWER) && !reviewer.hasRole(Role.EDITOR)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Only clinical reviewers and editors may log a partial review."));
        }
        Map<String, Object> before = reviewState(page, request.mediaItemId());
        LocalDate today = clock.today();
        LocalDate next = request.kind().resetsDates() ? nextDue(page.riskTier(), request.nextDue(), today) : null;
        ReviewRecord record;
        if (request.mediaItemId() == null) {
            record = new ReviewRecord(ReviewRecord.Subject.page(page, catalogue.revisionOf(page, page.liveRevision())),
                    request.kind(), signature(reviewer, request.registrationNumber()), request.scopeNotes(), today, next,
                    clock.instant());
        } else {
            MediaItem item = page.media().stream().filter(m -> m.id().equals(request.mediaItemId())).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("The page has no media item " + request.mediaItemId() + "."));
            if (request.mediaRevision() != item.revision()) {
                throw ProblemException.conflict("stale-revision", "Media item '" + item.title() + "' is at revision "
                        + item.revision() + ", not " + request.mediaRevision() + ": it changed since you looked."
                        + " Nothing was recorded.");
            }
            record = new ReviewRecord(ReviewRecord.Subject.media(page, item), request.kind(),
                    signature(reviewer, request.registrationNumber()), request.scopeNotes(), today, next, clock.instant());
        }
        pages.addReview(record);
        if (request.kind().resetsDates()) {
            if (request.mediaItemId() == null) {
                page.recordReview(record, today);
            } else {
                page.recordMediaReview(record, today);
            }
        }
        Map<String, Object> after = reviewState(page, request.mediaItemId());
        after.put("kind", request.kind().name());
        after.put("revision", record.revisionNumber());
        after.put("contentSha256", record.contentSha256());
        if (record.scopeNotes() != null) {
            after.put("notes", record.scopeNotes());
        }
        audit.record(reviewer.username(), "review." + request.kind().name().toLowerCase(Locale.ROOT), "page", page.slug(),
                before, after);
        return record;
    }

    public List<ReviewRecord> recordsOf(long pageId) {
        return pages.reviewsOf(pageId);
    }

    private static void validate(Request request) {
        if (request.kind() == null) {
            throw ProblemException.invalid("Choose the kind of review.", List.of(new Problem.FieldError("kind", "is required")));
        }
        if (request.revision() == null) {
            throw ProblemException.invalid("Name the revision you reviewed.", List.of(new Problem.FieldError("revision",
                    "is required: the number of the revision you read")));
        }
        if (request.mediaItemId() != null && request.mediaRevision() == null) {
            throw ProblemException.invalid("Name the media item's revision you reviewed.", List.of(
                    new Problem.FieldError("mediaRevision", "is required with mediaItemId")));
        }
    }

    private static void requireClinicalReviewer(Account reviewer, ReviewKind kind) {
        if (!reviewer.hasRole(Role.CLINICAL_REVIEWER)) {
            throw new ProblemException(Problem.of(403, "not-a-clinical-reviewer", "Not allowed",
                    "Only a clinical reviewer may record a " + kind + " review."));
        }
    }

    /** Nobody signs off content they wrote any revision of since the last review. */
    private void requireFourEyes(Page page, int revision, Account reviewer) {
        Set<String> authors = pages.authorsSinceReview(page, revision);
        if (authors.contains(reviewer.username())) {
            throw new ProblemException(Problem.of(403, "four-eyes", "Not allowed", "You wrote part of this change (since"
                    + (page.reviewedRevision() == null ? " the page was created" : " the review of revision " + page.reviewedRevision())
                    + "): another clinical reviewer must review it."));
        }
    }

    private static ReviewRecord.Signature signature(Account reviewer, String registrationNumber) {
        String registration = registrationNumber == null || registrationNumber.isBlank()
                ? reviewer.registrationNumber() : registrationNumber.strip();
        return new ReviewRecord.Signature(reviewer.username(), reviewer.displayName(), reviewer.profession(), registration);
    }

    private LocalDate nextDue(RiskTier tier, LocalDate chosen, LocalDate today) {
        LocalDate latest = policy.nextDueAfterReview(tier, today);
        if (chosen == null) {
            return latest;
        }
        if (!chosen.isAfter(today) || chosen.isAfter(latest)) {
            throw ProblemException.invalid("The next review must fall after today and no later than " + latest + ".",
                    List.of(new Problem.FieldError("nextDue", "must be after " + today + " and on or before " + latest)));
        }
        return chosen;
    }

    private static ProblemException stale(StaleRevision e) {
        return ProblemException.conflict("stale-revision", e.getMessage() + ".");
    }

    private static Map<String, Object> reviewState(Page page, Long mediaItemId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", page.status().name());
        if (mediaItemId == null) {
            m.put("lastReviewed", String.valueOf(page.reviewDates().lastReviewedOn()));
            m.put("nextReviewDue", page.reviewDates().nextReviewDue().toString());
        } else {
            page.media().stream().filter(i -> i.id().equals(mediaItemId)).findFirst().ifPresent(i -> {
                m.put("media", i.title());
                m.put("mediaRevision", i.revision());
                m.put("mediaLastReviewed", String.valueOf(i.reviewDates().lastReviewedOn()));
                m.put("mediaNextReviewDue", i.reviewDates().nextReviewDue().toString());
            });
        }
        return m;
    }
}
