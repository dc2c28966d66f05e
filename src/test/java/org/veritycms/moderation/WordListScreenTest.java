package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WordListScreenTest {

    static Submission says(String body) {
        return Submission.of("Jo", body, Duration.ofMinutes(1));
    }

    @Test
    void aBannedWordRejectsEvenWhenDisguised() {
        WordListScreen banned = WordListScreen.banned(() -> PhraseList.of("wanker", "kill yourself"));
        Verdict verdict = banned.screen(says("You are a W4NK3R."));
        assertEquals(Verdict.Outcome.REJECT, verdict.outcome());
        assertEquals("banned-words", verdict.screen());
        assertEquals(Verdict.Outcome.REJECT, banned.screen(says("Just kill-yourself")).outcome());
    }

    @Test
    void aSuspectWordHoldsForAPerson() {
        WordListScreen suspect = WordListScreen.suspect(() -> PhraseList.of("miracle cure", "casino*"));
        Verdict verdict = suspect.screen(says("This MIRACLE   cure worked! Also try casinos."));
        assertEquals(Verdict.Outcome.FLAG, verdict.outcome());
        assertEquals("Uses a word on the suspect list: \"miracle cure\".", verdict.reason());
    }

    @Test
    void wordsInsideOtherWordsDoNotMatch() {
        WordListScreen banned = WordListScreen.banned(() -> PhraseList.of("twat"));
        assertEquals(Verdict.Outcome.PASS, banned.screen(says("Twatwood and Atwater are place names.")).outcome());
        assertEquals(Verdict.Outcome.REJECT, banned.screen(says("What a twat.")).outcome());
    }

    @Test
    void anEditedListTakesEffectOnTheNextComment() {
        AtomicReference<PhraseList> list = new AtomicReference<>(PhraseList.of("spam"));
        WordListScreen banned = WordListScreen.banned(list::get);
        assertEquals(Verdict.Outcome.PASS, banned.screen(says("cheap pills")).outcome());
        list.set(PhraseList.parse("# edited\ncheap pills\n"));
        assertEquals(Verdict.Outcome.REJECT, banned.screen(says("Cheap pills here")).outcome());
    }
}
