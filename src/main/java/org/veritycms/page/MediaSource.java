package org.veritycms.page;

import java.util.Objects;

/** What an editor or a content file says about one media item. */
public record MediaSource(MediaKind kind, String title, String src, String altText, String transcript,
        ReviewDates reviewDates) {

    public MediaSource {
        Objects.requireNonNull(kind, "media kind");
        Objects.requireNonNull(reviewDates, "media review dates");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A media item needs a title");
        }
        if (src == null || src.isBlank()) {
            throw new IllegalArgumentException("Media item '" + title + "' needs a src");
        }
        if (kind == MediaKind.IMAGE && (altText == null || altText.isBlank())) {
            throw new IllegalArgumentException("Image '" + title + "' needs alt text");
        }
        if (kind.needsTranscript() && (transcript == null || transcript.isBlank())) {
            throw new IllegalArgumentException(kind.name().toLowerCase() + " '" + title + "' needs a transcript");
        }
    }
}
