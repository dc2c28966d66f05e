package org.veritycms.moderation;

import java.time.Duration;
import java.util.Set;
import org.veritycms.comment.CommentBody;

/**
 * What the screens see of a new comment: what the reader typed (the hidden honeypot field
 * included), how long after the form was shown it arrived ({@code null} when the form's stamp
 * was missing or forged), and fingerprints of the reader's recent comments and of recent
 * comments on the same page.
 */
public record Submission(String authorName, String email, String body, String honeypot, Duration sinceShown,
        Set<String> readerFingerprints, Set<String> pageFingerprints) {

    public Submission {
        authorName = authorName == null ? "" : authorName;
        body = body == null ? "" : body;
        readerFingerprints = readerFingerprints == null ? Set.of() : Set.copyOf(readerFingerprints);
        pageFingerprints = pageFingerprints == null ? Set.of() : Set.copyOf(pageFingerprints);
    }

    /** A submission with nothing recent to compare against (tests, previews). */
    public static Submission of(String authorName, String body, Duration sinceShown) {
        return new Submission(authorName, null, body, "", sinceShown, Set.of(), Set.of());
    }

    public String fingerprint() {
        return CommentBody.fingerprint(body);
    }

    /** The name and the body together: screens that look at words check both. */
    public String allText() {
        return authorName + "\n" + body;
    }
}
