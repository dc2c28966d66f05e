package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafeguardingScreenTest {

    final SafeguardingScreen screen = new SafeguardingScreen(new WordLists(Optional.empty())::safeguarding);

    Verdict screen(String body) {
        return screen.screen(Submission.of("Jo", body, Duration.ofMinutes(1)));
    }

    @Test
    void selfHarmPhrasesHoldTheCommentAsUrgent() {
        for (String text : new String[] {"Some days I just want to die.", "I've been cutting myself again",
                "Honestly I feel suicidal", "I can't go on like this", "I have thought about self-harm"}) {
            Verdict verdict = screen(text);
            assertEquals(Verdict.Outcome.FLAG, verdict.outcome(), text);
            assertTrue(verdict.urgent(), text);
            assertEquals("safeguarding", verdict.screen());
        }
    }

    @Test
    void everydayWordsNearbyPass() {
        Verdict verdict = screen("This stretch made my back hurt less. I cut my session short. Dying to try it again!");
        assertEquals(Verdict.Outcome.PASS, verdict.outcome());
        assertFalse(verdict.urgent());
    }
}
