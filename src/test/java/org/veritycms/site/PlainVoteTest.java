package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritycms.rating.Stars;

/** Which votes the readers' hot path takes itself: only a plain one; everything else goes the full way. */
class PlainVoteTest {

    private final VoteIntake intake = new VoteIntake();

    private Optional<Stars> stars(String body) {
        return intake.plainStars(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWholeNumberOfStarsFromOneToFiveWithAtMostANullNoteIsPlain() {
        assertEquals(Optional.of(new Stars(1)), stars("{\"stars\":1}"));
        assertEquals(Optional.of(new Stars(5)), stars(" { \"stars\" : 5 , \"feedback\" : null } "));
        assertEquals(Optional.of(new Stars(3)), stars("{\"feedback\":null,\"stars\":3}"));
    }

    @Test
    void anythingElseGoesTheFullWay() {
        for (String body : new String[] {"{\"stars\":0}", "{\"stars\":6}", "{\"stars\":-1}", "{\"stars\":3.0}", "{\"stars\":3e0}",
                "{\"stars\":\"3\"}", "{\"stars\":null}", "{}", "[3]", "3", "", "not json", "{\"stars\":3",
                "{\"stars\":3}{}", "{\"stars\":3,\"stars\":4}", "{\"stars\":3,\"feedback\":\"too vague\"}",
                "{\"stars\":3,\"feedback\":null,\"feedback\":null}", "{\"stars\":3,\"other\":1}", "{\"stars\":{\"n\":3}}",
                "{\"st\u00e4rs\":3}", "{\"stars\":3,\"feedback\":\"\u00e9\"}"}) {
            assertTrue(stars(body).isEmpty(), body);
        }
    }

    @Test
    void onlyAJsonBodyThatTheApiAnswersWithJsonIsTaken() {
        assertTrue(VoteHandler.isJson("application/json"));
        assertTrue(VoteHandler.isJson("Application/JSON; charset=UTF-8"));
        assertFalse(VoteHandler.isJson("application/json; charset=latin1"));
        assertFalse(VoteHandler.isJson("text/plain"));
        assertFalse(VoteHandler.isJson(null));
        assertTrue(VoteHandler.acceptsJson(null));
        assertTrue(VoteHandler.acceptsJson("*/*"));
        assertTrue(VoteHandler.acceptsJson("application/json"));
        assertFalse(VoteHandler.acceptsJson("text/html"));
        assertFalse(VoteHandler.acceptsJson("application/json;q=0, text/html"));
    }
}
