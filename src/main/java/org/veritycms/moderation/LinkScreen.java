package org.veritycms.moderation;

import org.veritycms.comment.CommentText;

/** More web addresses than a discussion needs is how advertising looks: a person checks it. */
public final class LinkScreen implements CommentScreen {

    public static final String NAME = "links";

    private final int maxLinks;

    public LinkScreen(int maxLinks) {
        this.maxLinks = maxLinks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict screen(Submission submission) {
        int links = CommentText.countLinks(submission.allText());
        return links > maxLinks ? Verdict.flag(NAME, links + " web addresses (more than " + maxLinks + ").")
                : Verdict.pass(NAME);
    }
}
