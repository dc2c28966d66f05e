package org.veritycms.media;

import java.util.List;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/** Why an upload or a change to a library item was refused, naming the form field at fault. */
final class MediaRefused {

    private MediaRefused() {
    }

    static ProblemException field(String field, String message) {
        return ProblemException.invalid(message, List.of(new Problem.FieldError(field, message)));
    }

    static ProblemException fields(List<Problem.FieldError> errors) {
        return ProblemException.invalid("Some fields need attention.", errors);
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(new Problem("too-large", "File too large", 413,
                "The file is larger than the library's limit of " + Sizes.words(maxBytes) + ".",
                List.of(new Problem.FieldError("file", "is larger than " + Sizes.words(maxBytes)))));
    }
}
