package org.veritycms.moderation;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Words kept in an editable list: banned words refuse a comment, suspect words hold it for a
 * person. The list is asked for on every comment, so an edited file takes effect at once.
 */
public final class WordListScreen implements CommentScreen {

    public static final String BANNED = "banned-words";
    public static final String SUSPECT = "suspect-words";

    private final String name;
    private final Supplier<PhraseList> list;

    private WordListScreen(String name, Supplier<PhraseList> list) {
        this.name = name;
        this.list = list;
    }

    public static WordListScreen banned(Supplier<PhraseList> list) {
        return new WordListScreen(BANNED, list);
    }

    public static WordListScreen suspect(Supplier<PhraseList> list) {
        return new WordListScreen(SUSPECT, list);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict screen(Submission submission) {
        Optional<String> found = list.get().firstIn(submission.allText());
        if (found.isEmpty()) {
            return Verdict.pass(name);
        }
        return BANNED.equals(name) ? Verdict.reject(name, "Uses a banned word: \"" + found.get() + "\".")
                : Verdict.flag(name, "Uses a word on the suspect list: \"" + found.get() + "\".");
    }
}
