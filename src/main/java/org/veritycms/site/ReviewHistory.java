package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.page.ReviewRecord;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.DateFormats;

/**
 * A page's provenance, for anyone: every review of it (date, kind, the reviewer's name and
 * profession, the revision and the SHA-256 of the exact content reviewed), the revision readers
 * see now with its hash, and the non-clinical corrections made since its last review. Anyone
 * holding the content export can check the hash of the live revision with {@code sha256sum}.
 */
@ApplicationScoped
public class ReviewHistory {

    /** One review, in words. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReviewHistoryEntry")
    public record Entry(String reviewedOn, String reviewedOnIso, String kind, String reviewer, String profession,
            String subject, boolean media, Integer mediaRevision, int revision, String contentSha256, String nextReviewDue,
            boolean imported) {
    }

    /** A correction published without clinical review after the last review. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReviewHistoryCorrection")
    public record Correction(int revision, String publishedOn, String note) {
    }

    /** The whole history. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReviewHistory")
    public record View(String title, String topic, String pageUrl, Integer liveRevision, String liveSha256,
            Integer reviewedRevision, List<Entry> reviews, List<Correction> corrections) {
    }

    @Inject
    PageRepository pages;

    @Inject
    ReadablePagesRule readable;

    @Inject
    DateFormats dates;

    @Inject
    Clock clock;

    @Transactional
    public View of(String topicSlug, String slug) {
        Page page = pages.findForView(slug).filter(p -> topicSlug == null || p.topic().slug().equals(topicSlug))
                .orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        readable.require(page, clock.instant());
        List<Entry> reviews = pages.reviewsOf(page.id()).stream().map(this::entry).toList();
        List<Correction> corrections = !page.changedSinceReview() ? List.of() : pages.revisionsOf(page).stream()
                .filter(r -> r.number() > page.reviewedRevision() && r.number() <= page.liveRevision())
                .map(this::correction).toList();
        return new View(page.title(), page.topic().title(), SiteViews.pageUrl(page.topic().slug(), page.slug()),
                page.liveRevision(), page.contentHash(), page.reviewedRevision(), reviews, corrections);
    }

    private Entry entry(ReviewRecord r) {
        return new Entry(dates.format(r.reviewedOn()), r.reviewedOn().toString(), label(r.kind().name()), r.reviewerName(),
                r.reviewerProfession(), r.subjectTitle(), r.mediaItemId() != null, r.mediaRevision(), r.revisionNumber(),
                r.contentSha256(), r.nextReviewDue() == null ? null : dates.format(r.nextReviewDue()), r.imported());
    }

    private Correction correction(PageRevision r) {
        return new Correction(r.number(), dates.format(LocalDate.ofInstant(r.createdAt(), clock.getZone())), r.changeNote());
    }

    private static String label(String kind) {
        return switch (kind) {
            case "FULL" -> "Full review";
            case "NO_CHANGE" -> "Reviewed, no change needed";
            default -> "Partial review";
        };
    }
}
