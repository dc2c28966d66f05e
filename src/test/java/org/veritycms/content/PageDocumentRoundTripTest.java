package org.veritycms.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaKind;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageDocument;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.Reviewer;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;

/** What the export writes, the import reads back unchanged: import(export(x)) equals x. */
class PageDocumentRoundTripTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Topic TOPIC = new Topic(new Slug("yoga"), "Yoga", "Yoga for back pain", RiskTier.STANDARD, 1);

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        PageSource source = new PageSource("Yoga: a gentle start", "Poses to try, and when to stop.",
                "Start slowly.\n\n- one\n- two: \"quoted\" # not a comment\n\n## When to get help\n\nCall 111 if: pain spreads.\n",
                RiskTier.HIGH, "msk-team", CommentPolicy.PREMODERATED, List.of("back-pain", "pilates-basics"),
                List.of(new Evidence("Low back pain: assessment", "https://example.org/ng59", "A publisher", LocalDate.of(2025, 3, 1))),
                List.of(new MediaSource(MediaKind.VIDEO, "Cat-cow, step by step", "https://media.example.org/cat.mp4", null,
                                "Kneel on all fours.\nBreathe in: lift the chest.", new ReviewDates(LocalDate.of(2025, 1, 2), LocalDate.of(2026, 1, 2))),
                        new MediaSource(MediaKind.IMAGE, "Child's pose", "/media/child.svg", "A person kneeling, folded forward",
                                null, new ReviewDates(null, LocalDate.of(2027, 2, 3)))));
        Page page = new Page(new Slug("gentle-yoga"), TOPIC, source, "<p/>", "h",
                new ReviewDates(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1)), new Reviewer("Sam Lee", "Physiotherapist"), NOW);
        page.submitForReview();

        PageFile back = PageFile.parse("yoga", "gentle-yoga", PageDocument.forExport(page), RiskTier.STANDARD);

        assertEquals(page.toSource(), back.source());
        assertEquals(page.reviewDates(), back.reviewDates());
        assertEquals(page.reviewedBy(), back.reviewer());
        assertEquals(PageStatus.IN_REVIEW, back.status());
    }

    @Test
    void revisionsKeepTheDocumentWithoutTheWorkflowStatus() {
        PageSource source = new PageSource("T", "S.", "Body\n\n## When to get help\n\nAsk.\n", RiskTier.LOW, null,
                CommentPolicy.CLOSED, List.of(), List.of(), List.of());
        Page page = new Page(new Slug("t"), TOPIC, source, "<p/>", "h", new ReviewDates(null, LocalDate.of(2027, 1, 1)), null, NOW);
        String document = PageDocument.of(page);
        assertEquals(false, document.contains("status:"));
        assertEquals(page.toSource(), PageFile.parse("yoga", "t", document, RiskTier.STANDARD).source());
    }
}
