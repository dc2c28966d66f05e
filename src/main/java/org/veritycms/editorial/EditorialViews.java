package org.veritycms.editorial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.veritycms.account.SignedIn;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaItem;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.ReviewPolicy;
import org.veritycms.page.ReviewState;

/** What the management API answers: read-only views, never entities. */
public final class EditorialViews {

    private EditorialViews() {
    }

    /** A page in the editors' list. */
    public record PageRow(String slug, String topic, String title, String status, String owner, String tier,
            LocalDate effectiveReviewDue, String reviewState, Instant updatedAt, long version) {
        static PageRow of(Page p, ReviewPolicy policy, LocalDate today) {
            return new PageRow(p.slug(), p.topic().slug(), p.title(), p.status().name(), p.owner(), p.riskTier().name(),
                    p.effectiveReviewDue(), policy.stateOf(p.effectiveReviewDue(), today, p.riskTier()).name(),
                    p.updatedAt(), p.version());
        }
    }

    /** One media item with its own review dates. */
    public record MediaView(long id, String kind, String title, String src, String alt, String transcript,
            LocalDate lastReviewed, LocalDate nextReviewDue, String reviewState) {
        static MediaView of(MediaItem m, ReviewPolicy policy, LocalDate today, Page page) {
            ReviewState state = policy.stateOf(m.reviewDates().nextReviewDue(), today, page.riskTier());
            return new MediaView(m.id(), m.kind().name(), m.title(), m.src(), m.altText(), m.transcript(),
                    m.reviewDates().lastReviewedOn(), m.reviewDates().nextReviewDue(), state.name());
        }
    }

    /** One evidence reference. */
    public record SourceView(String title, String url, String publisher, LocalDate accessed) {
        static SourceView of(Evidence e) {
            return new SourceView(e.title(), e.url(), e.publisher(), e.accessedOn());
        }
    }

    /** A page in full, for editing: its content, dates, status, version and the steps the caller may take. */
    public record PageDetail(String slug, String topic, String title, String summary, String body, String tier,
            String owner, String comments, List<String> related, List<SourceView> evidence, List<MediaView> media,
            String status, LocalDate lastReviewed, LocalDate nextReviewDue, LocalDate effectiveReviewDue,
            String reviewState, String reviewedBy, Instant publishAt, Instant expireAt, Instant updatedAt, long version,
            int revision, List<String> steps) {
        static PageDetail of(Page p, int revision, SignedIn who, ReviewPolicy policy, LocalDate today) {
            return new PageDetail(p.slug(), p.topic().slug(), p.title(), p.summary(), p.bodyMarkdown(), p.riskTier().name(),
                    p.owner(), p.commentPolicy().name(), List.copyOf(p.relatedSlugs()),
                    p.evidence().stream().map(SourceView::of).toList(),
                    p.media().stream().map(m -> MediaView.of(m, policy, today, p)).toList(),
                    p.status().name(), p.reviewDates().lastReviewedOn(), p.reviewDates().nextReviewDue(),
                    p.effectiveReviewDue(), policy.stateOf(p.effectiveReviewDue(), today, p.riskTier()).name(),
                    p.reviewedBy() == null ? null : p.reviewedBy().name(), p.publishAt(), p.expireAt(), p.updatedAt(),
                    p.version(), revision, Transition.offeredTo(who, p.status()).stream().map(Transition::key).toList());
        }
    }

    /** A revision in the history. */
    public record RevisionRow(int number, String author, Instant createdAt, String changeNote, String contentSha256) {
        static RevisionRow of(PageRevision r) {
            return new RevisionRow(r.number(), r.author(), r.createdAt(), r.changeNote(), r.contentHash());
        }
    }

    /** A revision with the page as it read then. */
    public record RevisionDetail(int number, String author, Instant createdAt, String changeNote, String contentSha256,
            String document) {
        static RevisionDetail of(PageRevision r) {
            return new RevisionDetail(r.number(), r.author(), r.createdAt(), r.changeNote(), r.contentHash(), r.document());
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
