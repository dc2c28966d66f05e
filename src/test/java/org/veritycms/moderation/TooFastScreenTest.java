package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TooFastScreenTest {

    final TooFastScreen screen = new TooFastScreen(Duration.ofSeconds(3));

    static Verdict after(TooFastScreen screen, Duration taken) {
        return screen.screen(Submission.of("Jo", "Helpful page.", taken));
    }

    @Test
    void justUnderTheMinimumIsRejected() {
        Verdict verdict = after(screen, Duration.ofMillis(2999));
        assertEquals(Verdict.Outcome.REJECT, verdict.outcome());
        assertTrue(verdict.reason().contains("2999 ms"), verdict.reason());
    }

    @Test
    void exactlyTheMinimumPasses() {
        assertEquals(Verdict.Outcome.PASS, after(screen, Duration.ofSeconds(3)).outcome());
        assertEquals(Verdict.Outcome.PASS, after(screen, Duration.ofDays(2)).outcome(), "a tab left open is fine");
    }

    @Test
    void aMissingOrForgedStampIsRejected() {
        Verdict verdict = after(screen, null);
        assertEquals(Verdict.Outcome.REJECT, verdict.outcome());
        assertTrue(verdict.reason().contains("not genuine"));
    }

    @Test
    void aStampFromTheFutureIsTooFast() {
        assertEquals(Verdict.Outcome.REJECT, after(screen, Duration.ofSeconds(-30)).outcome());
    }
}
