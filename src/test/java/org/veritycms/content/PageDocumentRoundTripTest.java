package org.veritycms.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaKind;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageDocument;
import org.veritycms.page.PageFixtures;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;

/**
 * What the export writes, the import reads back unchanged: import(export(x)) equals x. And the
 * canonical document of a revision is what its SHA-256 is taken over, so anyone holding the
 * exported document can check a sign-off's hash with sha256sum.
 */
class PageDocumentRoundTripTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Topic TOPIC = new Topic(new Slug("yoga"), "Yoga", "Yoga for back pain", RiskTier.STANDARD, 1);
    static final PageSource SOURCE = new PageSource("Yoga: a gentle start", "Poses to try, and when to stop.",
            "Start slowly.\n\n- one\n- two: \"quoted\" # not a comment\n\n## When to get help\n\nCall 111 if: pain spreads.\n",
            RiskTier.HIGH, "msk-team", CommentPolicy.PREMODERATED, List.of("back-pain", "pilates-basics"),
            List.of(new Evidence("Low back pain: assessment", "https://example.org/ng59", "A publisher", LocalDate.of(2025, 3, 1))),
            List.of(new MediaSource(MediaKind.VIDEO, "Cat-cow, step by step", "https://media.example.org/cat.mp4", null,
                            "Kneel on all fours.\nBreathe in: lift the chest."),
                    new MediaSource(MediaKind.IMAGE, "Child's pose", "/media/child.svg", "A person kneeling, folded forward",
                            null)));

    @Test
    void everyFieldOfALivePageSurvivesTheRoundTrip() {
        Page page = PageFixtures.published("gentle-yoga", TOPIC, SOURCE, LocalDate.of(2026, 6, 1), LocalDate.of(2027, 6, 1),
                NOW).page();
        PageFixtures.mediaDates(page, Map.of("https://media.example.org/cat.mp4",
                new ReviewDates(LocalDate.of(2026, 1, 2), LocalDate.of(2027, 1, 2))));

        PageFile back = PageFile.parse("yoga", "gentle-yoga", PageDocument.forExport(page), RiskTier.STANDARD);

        assertEquals(page.toSource(), back.source());
        assertEquals(page.reviewDates(), back.reviewDates());
        assertEquals(page.reviewedBy(), back.reviewer());
        assertEquals(new ReviewDates(LocalDate.of(2026, 1, 2), LocalDate.of(2027, 1, 2)),
                back.mediaDates().get("https://media.example.org/cat.mp4"));
        assertEquals(PageStatus.PUBLISHED, back.status());
    }

    @Test
    void aPageInReviewKeepsItsStatus() {
        Page page = PageFixtures.draft("gentle-yoga", TOPIC, SOURCE, NOW).page();
        page.submitForReview(page.toSource());
        PageFile back = PageFile.parse("yoga", "gentle-yoga", PageDocument.forExport(page), RiskTier.STANDARD);
        assertEquals(page.toSource(), back.source());
        assertEquals(PageStatus.IN_REVIEW, back.status());
    }

    @Test
    void theCanonicalDocumentHoldsContentOnlyAndItsSha256IsTheRevisionHash() throws Exception {
        PageFixtures.Drafted drafted = PageFixtures.published("gentle-yoga", TOPIC, SOURCE, LocalDate.of(2026, 6, 1),
                LocalDate.of(2027, 6, 1), NOW);
        String document = drafted.revision(1).document();
        assertFalse(document.contains("status:"), document);
        assertFalse(document.contains("nextReviewDue"), "review dates are the review's outcome, not the content reviewed");
        assertEquals(SOURCE, PageDocument.read(document));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(document.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha256, drafted.revision(1).contentHash(), "sha256sum of the exported document gives the hash");
        assertEquals(sha256, drafted.page().contentHash());
    }

    @Test
    void everyPartOfTheContentMovesTheHash() {
        String base = PageDocument.hash(SOURCE);
        assertNotEquals(base, PageDocument.hash(new PageSource("Other title", SOURCE.summary(), SOURCE.bodyMarkdown(),
                SOURCE.tier(), SOURCE.owner(), SOURCE.commentPolicy(), SOURCE.relatedSlugs(), SOURCE.evidence(), SOURCE.media())));
        assertNotEquals(base, PageDocument.hash(new PageSource(SOURCE.title(), "Other summary.", SOURCE.bodyMarkdown(),
                SOURCE.tier(), SOURCE.owner(), SOURCE.commentPolicy(), SOURCE.relatedSlugs(), SOURCE.evidence(), SOURCE.media())));
        assertNotEquals(base, PageDocument.hash(new PageSource(SOURCE.title(), SOURCE.summary(), SOURCE.bodyMarkdown(),
                SOURCE.tier(), SOURCE.owner(), SOURCE.commentPolicy(), SOURCE.relatedSlugs(), List.of(), SOURCE.media())));
        assertNotEquals(base, PageDocument.hash(new PageSource(SOURCE.title(), SOURCE.summary(), SOURCE.bodyMarkdown(),
                SOURCE.tier(), SOURCE.owner(), SOURCE.commentPolicy(), SOURCE.relatedSlugs(), SOURCE.evidence(),
                List.of(SOURCE.media().get(0), new MediaSource(MediaKind.IMAGE, "Child's pose", "/media/child.svg",
                        "A person kneeling forward", null)))), "a changed alt text is a changed page");
    }
}
