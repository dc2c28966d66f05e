package org.veritycms.media;

import java.util.ArrayList;
import java.util.List;
import org.veritycms.shared.PlainText;
import org.veritycms.shared.Problem;

/** What an editor says about a library item: its title and, by kind, alt text or a transcript. */
public record Description(String title, String altText, boolean decorative, String transcript) {

    public Description {
        title = strip(title);
        altText = strip(altText);
        transcript = strip(transcript);
    }

    /** Every field that does not fit an item of this kind, at once; nothing when all is well. */
    void requireFitFor(LibraryKind kind, boolean hasCaptions) {
        List<Problem.FieldError> errors = problemsFor(kind, hasCaptions);
        if (!errors.isEmpty()) {
            throw MediaRefused.fields(errors);
        }
    }

    List<Problem.FieldError> problemsFor(LibraryKind kind, boolean hasCaptions) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (title == null || title.length() > 200 || !PlainText.Validator.isPlain(title, false)) {
            errors.add(new Problem.FieldError("title", "is required: plain text of at most 200 characters"));
        }
        if (kind == LibraryKind.IMAGE) {
            if (altText == null && !decorative) {
                errors.add(new Problem.FieldError("altText", "is required for an image: describe what it shows,"
                        + " or mark it decorative if it adds nothing to the page"));
            } else if (altText != null && (altText.length() > 1000 || !PlainText.Validator.isPlain(altText, false))) {
                errors.add(new Problem.FieldError("altText", "is plain text of at most 1000 characters"));
            }
        }
        if (kind.needsTranscript()) {
            if (transcript == null && !hasCaptions) {
                errors.add(new Problem.FieldError("transcript", "or a captions file (WebVTT) is required for video and audio"));
            } else if (transcript != null && transcript.length() > 100_000) {
                errors.add(new Problem.FieldError("transcript", "is at most 100000 characters"));
            }
        }
        return errors;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
