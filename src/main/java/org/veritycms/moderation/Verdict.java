package org.veritycms.moderation;

import java.util.Objects;

/**
 * What one screen thinks of a comment. {@code urgent} marks a safeguarding concern: hold the
 * comment, alert moderators at once and show the author where to get help.
 */
public record Verdict(Outcome outcome, String screen, String reason, boolean urgent) {

    /** Pass it, hold it for a person, or refuse it. */
    public enum Outcome { PASS, FLAG, REJECT }

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(screen, "screen");
        if (outcome != Outcome.PASS && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A flag or a rejection needs a reason");
        }
        if (urgent && outcome != Outcome.FLAG) {
            throw new IllegalArgumentException("An urgent verdict holds the comment");
        }
    }

    public static Verdict pass(String screen) {
        return new Verdict(Outcome.PASS, screen, null, false);
    }

    public static Verdict flag(String screen, String reason) {
        return new Verdict(Outcome.FLAG, screen, reason, false);
    }

    public static Verdict reject(String screen, String reason) {
        return new Verdict(Outcome.REJECT, screen, reason, false);
    }

    public static Verdict urgent(String screen, String reason) {
        return new Verdict(Outcome.FLAG, screen, reason, true);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
