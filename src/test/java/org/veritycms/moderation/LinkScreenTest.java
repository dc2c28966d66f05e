package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkScreenTest {

    final LinkScreen screen = new LinkScreen(2);

    static Verdict screen(LinkScreen screen, String body) {
        return screen.screen(Submission.of("Jo", body, Duration.ofMinutes(1)));
    }

    @Test
    void upToTheLimitPasses() {
        assertEquals(Verdict.Outcome.PASS, screen(screen, "See https://www.nhs.uk and www.example.org").outcome());
    }

    @Test
    void oneMoreThanTheLimitIsHeldForAPerson() {
        Verdict verdict = screen(screen, "https://a.example https://b.example/x www.c.example");
        assertEquals(Verdict.Outcome.FLAG, verdict.outcome());
        assertEquals("3 web addresses (more than 2).", verdict.reason());
    }

    @Test
    void addressesInTheNameCountToo() {
        assertEquals(Verdict.Outcome.FLAG, new LinkScreen(0).screen(Submission.of("www.shop.example", "Hi",
                Duration.ofMinutes(1))).outcome());
    }
}
