package org.veritycms.comment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.veritycms.shared.ContentHash;

/** The rules for a comment's plain-text body: length, clean line breaks, and a fingerprint for duplicates. */
public final class CommentBody {

    public static final int MAX_LENGTH = 4000;

    private CommentBody() {
    }

    /** What is wrong with a body, if anything. */
    public static Optional<String> problem(String body) {
        String b = body == null ? "" : clean(body).strip();
        if (b.isEmpty()) {
            return Optional.of("Write your comment.");
        }
        if (b.codePointCount(0, b.length()) > MAX_LENGTH) {
            return Optional.of("A comment is at most " + MAX_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /** The body as stored: clean, stripped, within the limit. */
    static String check(String body) {
        problem(body).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return clean(body).strip();
    }

    /**
     * Unix line breaks, no control or invisible formatting characters (which could hide or
     * reorder text in front of moderators; the emoji joiner stays), Unicode in composed form.
     */
    public static String clean(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        unified.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (cp == 0x200D || !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
                    && Character.getType(cp) != Character.SURROGATE && Character.getType(cp) != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Same words, same fingerprint: case, spacing and punctuation do not make a comment new. */
    public static String fingerprint(String body) {
        String letters = Normalizer.normalize(body, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return ContentHash.of(letters);
    }
}
