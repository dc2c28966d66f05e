package org.veritycms.moderation;

import java.time.Duration;

/** A person takes a few seconds to write a comment; a script posts the moment it has the form. */
public final class TooFastScreen implements CommentScreen {

    public static final String NAME = "too-fast";

    private final Duration minimum;

    public TooFastScreen(Duration minimum) {
        this.minimum = minimum;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict screen(Submission submission) {
        Duration taken = submission.sinceShown();
        if (taken == null) {
            return Verdict.reject(NAME, "The form's time stamp was missing or not genuine.");
        }
        if (taken.compareTo(minimum) < 0) {
            return Verdict.reject(NAME, "Sent " + Math.max(0, taken.toMillis()) + " ms after the form was shown"
                    + " (at least " + minimum.toSeconds() + " s expected).");
        }
        return Verdict.pass(NAME);
    }
}
