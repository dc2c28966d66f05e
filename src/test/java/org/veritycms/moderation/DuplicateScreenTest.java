package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.veritycms.comment.CommentBody;

class DuplicateScreenTest {

    final DuplicateScreen screen = new DuplicateScreen(30);
    static final String LONG = "Doing these stretches every morning has helped my back a lot.";

    static Submission of(String body, Set<String> reader, Set<String> page) {
        return new Submission("Jo", null, body, "", Duration.ofMinutes(1), reader, page);
    }

    @Test
    void theSameReaderRepeatingThemselvesIsRejectedWhateverTheCase() {
        Verdict verdict = screen.screen(of("thanks,  GREAT page", Set.of(CommentBody.fingerprint("Thanks, great page!")), Set.of()));
        assertEquals(Verdict.Outcome.REJECT, verdict.outcome());
        assertEquals("The same reader posted the same text recently.", verdict.reason());
    }

    @Test
    void aLongTextRepeatedOnThePageByAnyoneIsRejected() {
        Verdict verdict = screen.screen(of(LONG, Set.of(), Set.of(CommentBody.fingerprint(LONG))));
        assertEquals(Verdict.Outcome.REJECT, verdict.outcome());
    }

    @Test
    void aShortCommonTextFromAnotherReaderPasses() {
        assertEquals(Verdict.Outcome.PASS,
                screen.screen(of("Thank you!", Set.of(), Set.of(CommentBody.fingerprint("Thank you!")))).outcome());
    }

    @Test
    void newTextPasses() {
        assertEquals(Verdict.Outcome.PASS, screen.screen(of(LONG, Set.of(CommentBody.fingerprint("Other")),
                Set.of(CommentBody.fingerprint("Something else entirely, long enough to count here.")))).outcome());
    }
}
