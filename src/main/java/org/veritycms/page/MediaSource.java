package org.veritycms.page;

import java.util.Objects;

/**
 * What an editor or a content file says about one media item: its content only. Its review dates
 * are not content; they come from its reviews. An image says what it shows in its alt text, or is
 * marked decorative (it adds nothing a reader needs, and screen readers pass over it: no alt text).
 */
public record MediaSource(MediaKind kind, String title, String src, String altText, String transcript, boolean decorative) {

    public MediaSource(MediaKind kind, String title, String src, String altText, String transcript) {
        this(kind, title, src, altText, transcript, false);
    }

    public MediaSource {
        Objects.requireNonNull(kind, "media kind");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A media item needs a title");
        }
        if (src == null || src.isBlank()) {
            throw new IllegalArgumentException("Media item '" + title + "' needs a src");
        }
        if (decorative && kind != MediaKind.IMAGE) {
            throw new IllegalArgumentException("Only an image can be marked decorative, not " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " '" + title + "'");
        }
        if (decorative && altText != null && !altText.isBlank()) {
            throw new IllegalArgumentException("Image '" + title + "' is marked decorative, so it has no alt text:"
                    + " remove one or the other");
        }
        if (kind == MediaKind.IMAGE && !decorative && (altText == null || altText.isBlank())) {
            throw new IllegalArgumentException("Image '" + title + "' needs alt text, or to be marked decorative");
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
