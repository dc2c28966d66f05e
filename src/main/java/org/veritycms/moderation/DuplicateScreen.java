package org.veritycms.moderation;

/**
 * The same words again: from the same reader (a double click, a repeated post), or on the same
 * page from anyone when the text is long enough not to be a coincidence ("Thank you!").
 */
public final class DuplicateScreen implements CommentScreen {

    public static final String NAME = "duplicate";

    private final int pageWideMinLength;

    public DuplicateScreen(int pageWideMinLength) {
        this.pageWideMinLength = pageWideMinLength;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict screen(Submission submission) {
        String fingerprint = submission.fingerprint();
        if (submission.readerFingerprints().contains(fingerprint)) {
            return Verdict.reject(NAME, "The same reader posted the same text recently.");
        }
        if (submission.body().strip().length() >= pageWideMinLength && submission.pageFingerprints().contains(fingerprint)) {
            return Verdict.reject(NAME, "The same text was posted on this page recently.");
        }
        return Verdict.pass(NAME);
    }
}
