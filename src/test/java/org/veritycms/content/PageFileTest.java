package org.veritycms.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.MediaKind;
import org.veritycms.page.RiskTier;

class PageFileTest {

    static final String GOOD = """
            ---
            title: Gentle stretches
            summary: Stretches for a stiff back.
            lastReviewed: 2025-01-10
            nextReviewDue: 2027-01-10
            reviewedBy:
              name: A Clinician
              profession: Physiotherapist
            related: [other-page]
            evidence:
              - title: "Guideline: back pain"
                url: https://example.org/guideline
                publisher: A publisher
                accessed: 2025-01-01
            media:
              - kind: image
                title: Position
                src: /media/position.svg
                alt: A person lying on their back
                nextReviewDue: 2026-12-01
            ---
            Some advice.

            ## When to get help

            Call 111.
            """;

    @Test
    void readsEveryField() {
        PageFile file = PageFile.parse("exercise", "gentle-stretches", GOOD, RiskTier.HIGH);
        assertEquals("Gentle stretches", file.source().title());
        assertEquals(RiskTier.HIGH, file.source().tier(), "the topic's tier applies when the page has none");
        assertEquals(CommentPolicy.PREMODERATED, file.source().commentPolicy(), "high tier defaults to premoderation");
        assertEquals(LocalDate.of(2027, 1, 10), file.reviewDates().nextReviewDue());
        assertEquals("Physiotherapist", file.reviewer().profession());
        assertEquals(MediaKind.IMAGE, file.source().media().get(0).kind());
        assertEquals("Guideline: back pain", file.source().evidence().get(0).title());
        assertTrue(file.source().bodyMarkdown().startsWith("Some advice."));
    }

    @Test
    void badDateIsReportedOnItsLine() {
        ContentError e = assertThrows(ContentError.class,
                () -> PageFile.parse("exercise", "x", GOOD.replace("nextReviewDue: 2027-01-10", "nextReviewDue: soon"), RiskTier.LOW));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("nextReviewDue"), e.getMessage());
    }

    @Test
    void brokenYamlIsReportedOnItsLine() {
        ContentError e = assertThrows(ContentError.class,
                () -> PageFile.parse("exercise", "x", GOOD.replace("related: [other-page]", "related: [other-page"), RiskTier.LOW));
        assertTrue(e.line() >= 9, "line " + e.line());
    }

    @Test
    void duplicateKeysAreRefused() {
        ContentError e = assertThrows(ContentError.class,
                () -> PageFile.parse("exercise", "x", GOOD.replace("summary:", "title: Again\nsummary:"), RiskTier.LOW));
        assertEquals(3, e.line());
    }

    @Test
    void missingTitleNamesTheField() {
        ContentError e = assertThrows(ContentError.class,
                () -> PageFile.parse("exercise", "x", GOOD.replace("title: Gentle stretches\n", ""), RiskTier.LOW));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }

    @Test
    void imageWithoutAltTextIsRefused() {
        ContentError e = assertThrows(ContentError.class,
                () -> PageFile.parse("exercise", "x", GOOD.replace("    alt: A person lying on their back\n", ""), RiskTier.LOW));
        assertTrue(e.getMessage().contains("alt text"), e.getMessage());
        assertEquals(15, e.line());
    }

    @Test
    void fileWithoutFrontMatterIsRefused() {
        ContentError e = assertThrows(ContentError.class, () -> PageFile.parse("exercise", "x", "Just text", RiskTier.LOW));
        assertEquals(1, e.line());
    }

    @Test
    void fileNameMustBeASlug() {
        assertThrows(ContentError.class, () -> PageFile.parse("exercise", "Bad Name", GOOD, RiskTier.LOW));
    }
}
