package org.veritycms.moderation;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Words that suggest the writer may harm themselves. Such a comment is never refused or lost: it
 * is held, moderators are alerted at once, and the author is shown where to get urgent help.
 */
public final class SafeguardingScreen implements CommentScreen {

    public static final String NAME = "safeguarding";

    private final Supplier<PhraseList> phrases;

    public SafeguardingScreen(Supplier<PhraseList> phrases) {
        this.phrases = phrases;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict screen(Submission submission) {
        Optional<String> found = phrases.get().firstIn(submission.allText());
        return found.map(f -> Verdict.urgent(NAME, "Mentions self-harm or suicide (\"" + f + "\"): read it now."))
                .orElseGet(() -> Verdict.pass(NAME));
    }
}
