package org.veritycms.review;

import org.veritycms.page.ReviewKind;
import org.veritycms.page.ReviewRecord;
import org.veritycms.page.ReviewState;
import org.veritycms.page.ReviewPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.MediaItem;
import org.veritycms.page.Page;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.Reviewer;
import org.veritycms.shared.ContentHash;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.VerityClock;

/**
 * Recording a review. Only a clinical reviewer records FULL or NO_CHANGE, and never on a revision
 * they wrote themselves (four eyes). Those kinds reset the dates (today, and today plus the
 * tier's interval or an earlier date the reviewer picks); a withdrawn page reviewed in full comes
 * back. PARTIAL is logged and moves no date. Editing never moves "Last reviewed": only this does.
 */
@ApplicationScoped
public class ReviewSignOff {

    /** What the reviewer submits. */
    public record Request(ReviewKind kind, Long mediaItemId, String scopeNotes, LocalDate nextDue, String registrationNumber) {
        public Request(ReviewKind kind, Long mediaItemId, String scopeNotes, LocalDate nextDue) {
            this(kind, mediaItemId, scopeNotes, nextDue, null);
        }
    }

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    @Inject
    PageRepository pages;

    @Inject
    ReviewPolicy policy;

    @Inject
    VerityClock clock;

    @Inject
    Event<PageChanged> changes;

    @Inject
    AuditLog audit;

    @Transactional
    public ReviewRecord record(String slug, Request request, Account reviewer) {
        if (request.kind() == null) {
            throw ProblemException.invalid("Choose the kind of review.", List.of(new Problem.FieldError("kind", "is required")));
        }
        Page page = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        PageRevision revision = pages.revisionsOf(page).stream().findFirst()
                .orElseThrow(() -> ProblemException.conflict("no-revision", "The page has no revision to review."));
        checkMayRecord(request.kind(), reviewer, revision);
        Map<String, Object> before = reviewState(page, request.mediaItemId());
        LocalDate today = clock.today();
        LocalDate next = request.kind().resetsDates() ? nextDue(page, request.nextDue(), today) : null;
        String registration = request.registrationNumber() == null || request.registrationNumber().isBlank()
                ? reviewer.registrationNumber() : request.registrationNumber().strip();
        ReviewRecord.Signature signature = new ReviewRecord.Signature(reviewer.username(), reviewer.displayName(),
                reviewer.profession(), registration);
        ReviewRecord record;
        if (request.mediaItemId() == null) {
            record = new ReviewRecord(new ReviewRecord.Subject(page.id(), null, page.title(), revision.number(),
                    page.contentHash()), request.kind(), signature, request.scopeNotes(), today, next, clock.instant());
            if (next != null) {
                page.recordReviewDates(new ReviewDates(today, next), new Reviewer(reviewer.displayName(), reviewer.profession()));
            }
        } else {
            MediaItem item = page.media().stream().filter(m -> m.id().equals(request.mediaItemId())).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("The page has no media item " + request.mediaItemId() + "."));
            record = new ReviewRecord(new ReviewRecord.Subject(page.id(), item.id(), item.title(), revision.number(),
                    ContentHash.of(item.src() + "\n" + item.title() + "\n" + nullToEmpty(item.altText()) + "\n"
                            + nullToEmpty(item.transcript()))),
                    request.kind(), signature, request.scopeNotes(), today, next, clock.instant());
            if (next != null) {
                item.recordReview(new ReviewDates(today, next));
            }
        }
        if (request.kind().resetsDates() && page.status() == PageStatus.WITHDRAWN
                && policy.stateOf(page.effectiveReviewDue(), today, page.riskTier()) != ReviewState.WITHDRAWN) {
            page.restore();
        }
        em.persist(record);
        Map<String, Object> after = reviewState(page, request.mediaItemId());
        after.put("kind", request.kind().name());
        after.put("revision", revision.number());
        if (request.scopeNotes() != null && !request.scopeNotes().isBlank()) {
            after.put("notes", request.scopeNotes().strip());
        }
        audit.record(reviewer.username(), "review." + request.kind().name().toLowerCase(Locale.ROOT), "page", page.slug(),
                before, after);
        changes.fire(new PageChanged(page.slug()));
        return record;
    }

    public List<ReviewRecord> recordsOf(long pageId) {
        return em.createQuery("select r from ReviewRecord r where r.pageId = :p order by r.recordedAt desc, r.id desc",
                ReviewRecord.class).setParameter("p", pageId).getResultList();
    }

    private static void checkMayRecord(ReviewKind kind, Account reviewer, PageRevision revision) {
        if (kind.resetsDates()) {
            if (!reviewer.hasRole(Role.CLINICAL_REVIEWER)) {
                throw new ProblemException(Problem.of(403, "not-a-clinical-reviewer", "Not allowed",
                        "Only a clinical reviewer may record a " + kind + " review."));
            }
            if (revision.author().equals(reviewer.username())) {
                throw new ProblemException(Problem.of(403, "four-eyes", "Not allowed",
                        "You wrote revision " + revision.number() + ": another clinical reviewer must review it."));
            }
        } else if (!reviewer.hasRole(Role.CLINICAL_REVIEWER) && !reviewer.hasRole(Role.EDITOR)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Only clinical reviewers and editors may log a partial review."));
        }
    }

    private LocalDate nextDue(Page page, LocalDate chosen, LocalDate today) {
        LocalDate latest = policy.nextDueAfterReview(page.riskTier(), today);
        if (chosen == null) {
            return latest;
        }
        if (!chosen.isAfter(today) || chosen.isAfter(latest)) {
            throw ProblemException.invalid("The next review must fall after today and no later than " + latest + ".",
                    List.of(new Problem.FieldError("nextDue", "must be after " + today + " and on or before " + latest)));
        }
        return chosen;
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
                m.put("mediaLastReviewed", String.valueOf(i.reviewDates().lastReviewedOn()));
                m.put("mediaNextReviewDue", i.reviewDates().nextReviewDue().toString());
            });
        }
        return m;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
