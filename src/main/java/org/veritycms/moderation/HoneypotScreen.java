package org.veritycms.moderation;

/** A field people never see (it is hidden by the stylesheet) but form-filling robots fill in. */
public final class HoneypotScreen implements CommentScreen {

    public static final String NAME = "honeypot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict screen(Submission submission) {
        return submission.honeypot() == null || submission.honeypot().isBlank() ? Verdict.pass(NAME)
                : Verdict.reject(NAME, "The hidden field that only robots fill in was filled in.");
    }
}
