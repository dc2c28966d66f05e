package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShoutingScreenTest {

    final ShoutingScreen screen = new ShoutingScreen(20, 0.7);

    Verdict screen(String body) {
        return screen.screen(Submission.of("Jo", body, Duration.ofMinutes(1)));
    }

    @Test
    void mostlyCapitalsIsHeld() {
        Verdict verdict = screen("THIS ADVICE IS COMPLETELY WRONG AND DANGEROUS");
        assertEquals(Verdict.Outcome.FLAG, verdict.outcome());
        assertEquals("100% capital letters.", verdict.reason());
    }

    @Test
    void ordinaryTextWithAcronymsPasses() {
        assertEquals(Verdict.Outcome.PASS, screen("My GP and the NHS 111 service said to rest, and it worked.").outcome());
    }

    @Test
    void shortCapitalsAreNotShouting() {
        assertEquals(Verdict.Outcome.PASS, screen("THANK YOU").outcome());
    }

    @Test
    void theShareIsABoundary() {
        // 14 capitals of 20 letters: exactly 70%
        assertEquals(Verdict.Outcome.FLAG, screen("ABCDEFGHIJKLMNopqrst").outcome());
        assertEquals(Verdict.Outcome.PASS, screen("ABCDEFGHIJKLMnopqrst").outcome());
    }
}
