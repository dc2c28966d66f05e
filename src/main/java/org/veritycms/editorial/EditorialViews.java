package org.veritycms.editorial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.veritycms.account.SignedIn;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaItem;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageSource;
import org.veritycms.page.ReviewPolicy;
import org.veritycms.page.ReviewRecord;
import org.veritycms.page.ReviewState;

/** What the management API answers: read-only views, never entities. */
public final class EditorialViews {

    private EditorialViews() {
    }

    /** A page in the editors' list. */
    public record PageRow(String slug, String topic, String title, String status, String change, String owner, String tier,
            LocalDate effectiveReviewDue, String reviewState, boolean changedSinceReview, Instant updatedAt, long version) {
        static PageRow of(Page p, ReviewPolicy policy, LocalDate today) {
            return new PageRow(p.slug(), p.topic().slug(), p.title(), p.status().name(), p.change().name(), p.owner(),
                    p.riskTier().name(), p.effectiveReviewDue(),
                    policy.stateOf(p.effectiveReviewDue(), today, p.riskTier()).name(), p.changedSinceReview(),
                    p.updatedAt(), p.version());
        }
    }

    /** A live media item with its own review dates and the revision a media sign-off names. */
    public record MediaView(long id, int revision, String kind, String title, String src, String alt, String transcript,
            boolean decorative, LocalDate lastReviewed, LocalDate nextReviewDue, String reviewState) {
        static MediaView of(MediaItem m, ReviewPolicy policy, LocalDate today, Page page) {
            ReviewState state = policy.stateOf(m.reviewDates().nextReviewDue(), today, page.riskTier());
            return new MediaView(m.id(), m.revision(), m.kind().name(), m.title(), m.src(), m.altText(), m.transcript(),
                    m.decorative(), m.reviewDates().lastReviewedOn(), m.reviewDates().nextReviewDue(), state.name());
        }
    }

    /** A media item as the working revision has it. */
    public record MediaContent(String kind, String title, String src, String alt, String transcript, boolean decorative) {
        static MediaContent of(MediaSource m) {
            return new MediaContent(m.kind().name(), m.title(), m.src(), m.altText(), m.transcript(), m.decorative());
        }
    }

    /** One evidence reference. */
    public record SourceView(String title, String url, String publisher, LocalDate accessed) {
        static SourceView of(Evidence e) {
            return new SourceView(e.title(), e.url(), e.publisher(), e.accessedOn());
        }
    }

    /** The clinical approval waiting to be published with the working revision. */
    public record Approval(int revision, String reviewer, String profession, LocalDate reviewedOn, LocalDate nextReviewDue,
            String contentSha256) {
        static Approval of(ReviewRecord r) {
            return new Approval(r.revisionNumber(), r.reviewerName(), r.reviewerProfession(), r.reviewedOn(),
                    r.nextReviewDue(), r.contentSha256());
        }
    }

    /** A revision of the change waiting over a live page. */
    public record ChangeRevision(int number, String author, Instant createdAt, String changeNote, boolean nonClinical) {
        static ChangeRevision of(PageRevision r) {
            return new ChangeRevision(r.number(), r.author(), r.createdAt(), r.changeNote(), r.nonClinical());
        }
    }

    /**
     * A page in full, for editing: the working revision's content (what the editor edits, which on
     * a live page is the pending change), the live revision and the one last reviewed, the review
     * dates readers see, the live media with their own dates, a waiting approval, and the steps the
     * caller may take.
     */
    public record PageDetail(String slug, String topic, String title, String summary, String body, String tier,
            String owner, String comments, List<String> related, List<SourceView> evidence, List<MediaContent> workingMedia,
            List<MediaView> media, String status, String change, int revision, Integer liveRevision,
            Integer reviewedRevision, boolean changedSinceReview, List<ChangeRevision> pendingChange, String liveTitle,
            String liveContentSha256, LocalDate lastReviewed, LocalDate nextReviewDue, LocalDate effectiveReviewDue,
            String reviewState, String reviewedBy, Approval approval, String withdrawalReason, String withdrawalNote,
            Instant publishAt, Instant expireAt, Instant updatedAt, long version, List<String> steps) {

        static PageDetail of(Page p, PageSource working, List<PageRevision> change, SignedIn who, ReviewPolicy policy,
                LocalDate today) {
            return new PageDetail(p.slug(), p.topic().slug(), working.title(), working.summary(), working.bodyMarkdown(),
                    working.tier().name(), working.owner(), working.commentPolicy().name(), List.copyOf(working.relatedSlugs()),
                    working.evidence().stream().map(SourceView::of).toList(),
                    working.media().stream().map(MediaContent::of).toList(),
                    p.media().stream().map(m -> MediaView.of(m, policy, today, p)).toList(),
                    p.status().name(), p.change().name(), p.workingRevision(), p.liveRevision(), p.reviewedRevision(),
                    p.changedSinceReview(), change.stream().map(ChangeRevision::of).toList(),
                    p.liveRevision() == null ? null : p.title(), p.liveRevision() == null ? null : p.contentHash(),
                    p.reviewDates().lastReviewedOn(), p.reviewDates().nextReviewDue(),
                    p.effectiveReviewDue(), policy.stateOf(p.effectiveReviewDue(), today, p.riskTier()).name(),
                    p.reviewedBy() == null ? null : p.reviewedBy().name(), p.approval().map(Approval::of).orElse(null),
                    p.withdrawalReason() == null ? null : p.withdrawalReason().name(), p.withdrawalNote(),
                    p.publishAt(), p.expireAt(), p.updatedAt(), p.version(),
                    Transition.offeredTo(who, p).stream().map(Transition::key).toList());
        }
    }

    /** A revision in the history. */
    public record RevisionRow(int number, Integer parent, String author, Instant createdAt, String changeNote,
            boolean nonClinical, String contentSha256) {
        static RevisionRow of(PageRevision r) {
            return new RevisionRow(r.number(), r.parent(), r.author(), r.createdAt(), r.changeNote(), r.nonClinical(),
                    r.contentHash());
        }
    }

    /** A revision with the page as it read then (its canonical document, whose SHA-256 is the hash). */
    public record RevisionDetail(int number, Integer parent, String author, Instant createdAt, String changeNote,
            boolean nonClinical, String contentSha256, String document) {
        static RevisionDetail of(PageRevision r) {
            return new RevisionDetail(r.number(), r.parent(), r.author(), r.createdAt(), r.changeNote(), r.nonClinical(),
                    r.contentHash(), r.document());
        }
    }

    /** The difference between two revisions. */
    public record Diff(int from, int to, List<PageDiff.Line> lines) {
    }

    /** A page waiting for someone, with who changed it last. */
    public record Task(String slug, String topic, String title, String status, String lastAuthor, Instant updatedAt) {
        static Task of(PageRepository.LatestChange c) {
            return new Task(c.slug(), c.topic(), c.title(), c.status().name(), c.author(), c.updatedAt());
        }
    }
}
