package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreeningTest {

    final ScreenCatalogue catalogue = new ScreenCatalogue(new WordLists(Optional.empty()));

    @Test
    void theConfiguredScreensRunInTheConfiguredOrder() {
        ScreeningPipeline pipeline = new ScreeningPipeline(catalogue.build(List.of(" shouting", "HONEYPOT", "shouting", ""),
                ScreenCatalogue.Settings.defaults()));
        assertEquals(List.of("shouting", "honeypot"), pipeline.screenNames());
    }

    @Test
    void everyKnownScreenCanBeConfigured() {
        assertEquals(ScreenCatalogue.ALL, new ScreeningPipeline(catalogue.build(ScreenCatalogue.ALL,
                ScreenCatalogue.Settings.defaults())).screenNames());
    }

    @Test
    void anUnknownScreenNameIsAConfigurationMistake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalogue.build(List.of("honeypot", "captcha"), ScreenCatalogue.Settings.defaults()));
        assertTrue(e.getMessage().contains("captcha"));
    }

    @Test
    void aRejectionOutweighsAFlag() {
        Screening screening = new Screening(List.of(Verdict.pass("a"), Verdict.flag("b", "why"), Verdict.reject("c", "no")));
        assertEquals(Verdict.Outcome.REJECT, screening.outcome());
        assertEquals(List.of("b", "c"), screening.reasonCodes());
        assertEquals("b: why\nc: no", screening.notes());
    }

    @Test
    void aSafeguardingConcernIsHeldEvenWhenAnotherScreenRejects() {
        Screening screening = new Screening(List.of(Verdict.reject("banned-words", "no"),
                Verdict.urgent("safeguarding", "read now")));
        assertEquals(Verdict.Outcome.FLAG, screening.outcome());
        assertTrue(screening.urgent());
    }

    @Test
    void theWholePipelineOnOneComment() {
        ScreeningPipeline pipeline = new ScreeningPipeline(catalogue.build(ScreenCatalogue.ALL,
                ScreenCatalogue.Settings.defaults()));
        assertEquals(Verdict.Outcome.PASS, pipeline.run(Submission.of("Jo", "These stretches helped my back, thank you.",
                Duration.ofSeconds(40))).outcome());
        Screening spam = pipeline.run(Submission.of("Jo", "Cheap viagra", Duration.ofMillis(200)));
        assertEquals(Verdict.Outcome.REJECT, spam.outcome());
        assertEquals(List.of("too-fast", "suspect-words"), spam.reasonCodes());
    }
}
