package org.veritycms.moderation;

/** Mostly capital letters reads as shouting; short texts ("NHS 111") are left alone. */
public final class ShoutingScreen implements CommentScreen {

    public static final String NAME = "shouting";

    private final int minLetters;
    private final double maxCapitalShare;

    public ShoutingScreen(int minLetters, double maxCapitalShare) {
        this.minLetters = minLetters;
        this.maxCapitalShare = maxCapitalShare;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict screen(Submission submission) {
        String body = submission.body();
        long letters = body.codePoints().filter(Character::isLetter).count();
        long capitals = body.codePoints().filter(Character::isUpperCase).count();
        if (letters >= minLetters && capitals >= maxCapitalShare * letters) {
            return Verdict.flag(NAME, Math.round(100.0 * capitals / letters) + "% capital letters.");
        }
        return Verdict.pass(NAME);
    }
}
