package org.veritycms.moderation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every screen's verdict on one comment, and what they add up to: a safeguarding concern
 * always holds the comment (it must reach a person, never be refused unseen), otherwise any
 * rejection refuses it, any flag holds it, and a comment that passes every screen passes.
 */
public record Screening(List<Verdict> verdicts) {

    public Screening {
        verdicts = List.copyOf(verdicts);
    }

    public Verdict.Outcome outcome() {
        if (urgent()) {
            return Verdict.Outcome.FLAG;
        }
        if (verdicts.stream().anyMatch(v -> v.outcome() == Verdict.Outcome.REJECT)) {
            return Verdict.Outcome.REJECT;
        }
        return verdicts.stream().anyMatch(v -> v.outcome() == Verdict.Outcome.FLAG) ? Verdict.Outcome.FLAG
                : Verdict.Outcome.PASS;
    }

    public boolean urgent() {
        return verdicts.stream().anyMatch(Verdict::urgent);
    }

    /** The names of the screens that did not pass it. */
    public List<String> reasonCodes() {
        return verdicts.stream().filter(v -> !v.passed()).map(Verdict::screen).toList();
    }

    /** Each objection with its screen, for the moderator. */
    public String notes() {
        return verdicts.stream().filter(v -> !v.passed()).map(v -> v.screen() + ": " + v.reason())
                .collect(Collectors.joining("\n"));
    }
}
