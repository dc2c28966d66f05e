package org.veritycms.site;

import java.util.List;

/** Read-only view models handed to templates: plain values, never entities. */
public final class Views {

    private Views() {
    }

    public record Link(String title, String url) {
    }

    public record TopicView(String slug, String title, String description, String url, List<PageSummary> pages) {
    }

    public record PageSummary(String slug, String title, String summary, String url, String topicTitle,
            String lastReviewed, String nextReviewDue, String nextReviewDueIso, String reviewState) {
    }

    /**
     * A media item on a page; {@code library} says more when its file is in the media library
     * (renditions, pixel size, captions), and is null otherwise.
     */
    public record MediaView(String kind, String title, String src, String altText, String transcript,
            String lastReviewed, String lastReviewedIso, String reviewDue, String reviewDueIso, String reviewState,
            LibraryMedia library) {

        public MediaView(String kind, String title, String src, String altText, String transcript, String lastReviewed,
                String lastReviewedIso, String reviewDue, String reviewDueIso, String reviewState) {
            this(kind, title, src, altText, transcript, lastReviewed, lastReviewedIso, reviewDue, reviewDueIso, reviewState, null);
        }

        public boolean isImage() {
            return "IMAGE".equals(kind);
        }

        public boolean isVideo() {
            return "VIDEO".equals(kind);
        }

        public boolean isAudio() {
            return "AUDIO".equals(kind);
        }
    }

    /**
     * What the media library knows of a page's media file: {@code srcset} and {@code sizes} for an
     * image with renditions (empty otherwise), its size in pixels (null for video and audio), and the
     * address of its captions (null when it has none).
     */
    public record LibraryMedia(String srcset, String sizes, Integer width, Integer height, String captions) {
    }

    public record EvidenceView(String title, String url, String publisher, String accessed) {
    }

    /**
     * A guidance page. {@code noticeDue} is the effective review date the public notice states, and
     * {@code noticeMedia} the media item whose date it is when one drives it; {@code changedSinceReview}
     * says that non-clinical corrections went live after the review shown; {@code reviewHistoryUrl}
     * leads to the public record of every review. A preview of unpublished content carries a
     * {@code previewNote} and is never cached or served to readers.
     */
    public record PageView(String slug, String title, String summary, String bodyHtml, Link topic,
            List<MediaView> media, List<EvidenceView> evidence, List<PageSummary> related,
            String lastReviewed, String lastReviewedIso, String nextReviewDue, String nextReviewDueIso,
            String lastUpdated, String lastUpdatedIso, String reviewerName, String reviewerProfession,
            String url, String reviewState, boolean overdueNotice, String noticeDue, String noticeDueIso,
            String noticeMedia, boolean changedSinceReview, String reviewHistoryUrl, String previewNote) {
    }
}
