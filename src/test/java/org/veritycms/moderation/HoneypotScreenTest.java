package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoneypotScreenTest {

    final HoneypotScreen screen = new HoneypotScreen();

    static Submission withTrap(String trap) {
        return new Submission("Jo", null, "Helpful page.", trap, Duration.ofMinutes(1), Set.of(), Set.of());
    }

    @Test
    void anEmptyTrapPasses() {
        assertEquals(Verdict.Outcome.PASS, screen.screen(withTrap("")).outcome());
        assertEquals(Verdict.Outcome.PASS, screen.screen(withTrap(null)).outcome());
        assertEquals(Verdict.Outcome.PASS, screen.screen(withTrap("  ")).outcome());
    }

    @Test
    void aFilledTrapIsRejectedWithAReason() {
        Verdict verdict = screen.screen(withTrap("http://spam.example"));
        assertEquals(Verdict.Outcome.REJECT, verdict.outcome());
        assertEquals("honeypot", verdict.screen());
        assertEquals("The hidden field that only robots fill in was filled in.", verdict.reason());
    }
}
