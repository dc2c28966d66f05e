package org.veritycms.page;

import java.util.Objects;

/**
 * What an editor or a content file says about one media item: its content only. Its review dates
 * are not content; they come from its reviews.
 */
public record MediaSource(MediaKind kind, String title, String src, String altText, String transcript) {

    public MediaSource {
        Objects.requireNonNull(kind, "media kind");
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
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + title
                    + "' needs a transcript");
        }
        title = title.strip();
        src = WebAddress.require(src.strip(), "The src of media item '" + title + "'");
        altText = blankToNull(altText);
        transcript = blankToNull(transcript);
    }

    /** Whether this is the same file shown the same way: a clinical reviewer must see anything else. */
    public boolean sameFileAs(MediaSource other) {
        return kind == other.kind && src.equals(other.src) && Objects.equals(transcript, other.transcript);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
