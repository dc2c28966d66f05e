package org.veritycms.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Topic TOPIC = new Topic(new Slug("exercise"), "Exercise", "Moving more", RiskTier.STANDARD, 0);
    static final String BODY = "Intro\n\n## When to get help\n\nCall 111.\n";

    static PageSource source(String body, List<MediaSource> media) {
        return new PageSource("Title", "Summary.", body, RiskTier.STANDARD, "physio", CommentPolicy.POSTMODERATED,
                List.of("other-page"), List.of(), media);
    }

    static MediaSource video(LocalDate due) {
        return new MediaSource(MediaKind.VIDEO, "Video", "https://media.example.org/v.mp4", null, "Words",
                new ReviewDates(due.minusYears(1), due));
    }

    static Page page(String body, List<MediaSource> media, LocalDate due) {
        return new Page(new Slug("a-page"), TOPIC, source(body, media), "<p>x</p>", "hash",
                new ReviewDates(due.minusYears(2), due), null, NOW);
    }

    @Test
    void effectiveReviewDueIsTheEarliestOfPageAndMedia() {
        Page page = page(BODY, List.of(video(LocalDate.of(2026, 12, 20))), LocalDate.of(2027, 5, 1));
        assertEquals(LocalDate.of(2026, 12, 20), page.effectiveReviewDue());
    }

    @Test
    void effectiveReviewDueIsThePagesOwnWhenMediaIsLater() {
        Page page = page(BODY, List.of(video(LocalDate.of(2028, 1, 1))), LocalDate.of(2027, 5, 1));
        assertEquals(LocalDate.of(2027, 5, 1), page.effectiveReviewDue());
    }

    @Test
    void mediaReviewMovesTheEffectiveDueDate() {
        Page page = page(BODY, List.of(video(LocalDate.of(2026, 12, 20))), LocalDate.of(2027, 5, 1));
        page.media().get(0).recordReview(new ReviewDates(LocalDate.of(2026, 11, 23), LocalDate.of(2027, 11, 23)));
        assertEquals(LocalDate.of(2027, 5, 1), page.effectiveReviewDue());
    }

    @Test
    void editingMovesLastUpdatedButNeverLastReviewed() {
        Page page = page(BODY, List.of(), LocalDate.of(2027, 5, 1));
        ReviewDates before = page.reviewDates();
        Instant later = NOW.plusSeconds(3600);
        page.revise(source(BODY + "\nMore.\n", List.of()), "<p>y</p>", "hash2", later);
        assertEquals(before, page.reviewDates());
        assertEquals(later, page.updatedAt());
    }

    @Test
    void pageWithoutWhenToGetHelpCannotBePublished() {
        Page page = page("Just advice.\n", List.of(), LocalDate.of(2027, 5, 1));
        assertThrows(IllegalStateException.class, () -> page.publish(NOW));
        assertEquals(PageStatus.DRAFT, page.status());
    }

    @Test
    void publishedPageCannotLoseItsHelpSection() {
        Page page = page(BODY, List.of(), LocalDate.of(2027, 5, 1));
        page.publish(NOW);
        assertThrows(IllegalStateException.class, () -> page.revise(source("No help.\n", List.of()), "<p/>", "h", NOW));
    }

    @Test
    void visibilityFollowsThePublishWindow() {
        Page page = page(BODY, List.of(), LocalDate.of(2027, 5, 1));
        assertFalse(page.isVisibleAt(NOW), "a draft is not visible");
        page.publish(NOW);
        assertTrue(page.isVisibleAt(NOW));
        page.withdraw();
        assertFalse(page.isVisibleAt(NOW));
        page.restore();
        assertTrue(page.isVisibleAt(NOW));
    }

    @Test
    void reviewDatesMustMoveForward() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReviewDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void helpSectionIsFoundWhateverItsCase() {
        assertTrue(source("x\n\n## When To Get Help\n", List.of()).hasWhenToGetHelpSection());
        assertFalse(source("x\n\nWhen to get help is below\n", List.of()).hasWhenToGetHelpSection());
    }

    @Test
    void imagesNeedAltTextAndVideosATranscript() {
        ReviewDates dates = new ReviewDates(null, LocalDate.of(2027, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MediaSource(MediaKind.IMAGE, "I", "/media/i.svg", " ", null, dates));
        assertThrows(IllegalArgumentException.class, () -> new MediaSource(MediaKind.VIDEO, "V", "/v.mp4", null, null, dates));
    }

    @Test
    void workflowRunsFromDraftThroughReviewToPublishedAndBeyond() {
        Page page = page(BODY, List.of(), LocalDate.of(2027, 5, 1));
        assertEquals(PageStatus.DRAFT, page.status());
        page.submitForReview();
        assertEquals(PageStatus.IN_REVIEW, page.status());
        page.approve();
        assertEquals(PageStatus.APPROVED, page.status());
        page.publishApproved(NOW, null);
        assertTrue(page.isVisibleAt(NOW));
        page.withdrawPublished();
        assertEquals(PageStatus.WITHDRAWN, page.status());
        page.reopen();
        assertEquals(PageStatus.DRAFT, page.status());
        page.archiveByEditor();
        assertThrows(WorkflowRefused.class, () -> page.revise(source(BODY, List.of()), "<p/>", "h", NOW));
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheReason() {
        Page page = page(BODY, List.of(), LocalDate.of(2027, 5, 1));
        WorkflowRefused refused = assertThrows(WorkflowRefused.class, page::approve);
        assertEquals("A page that is draft cannot be approved", refused.getMessage());
        assertThrows(WorkflowRefused.class, () -> page.publishApproved(NOW, null));
        assertThrows(WorkflowRefused.class, page::withdrawPublished);
        assertThrows(WorkflowRefused.class, page::reopen);
    }

    @Test
    void aPageWithoutHelpSectionCannotEvenBeSubmitted() {
        Page page = page("No help here.\n", List.of(), LocalDate.of(2027, 5, 1));
        assertThrows(WorkflowRefused.class, page::submitForReview);
        assertEquals(PageStatus.DRAFT, page.status());
    }

    @Test
    void editingAnApprovedPageSendsItBackToDraft() {
        Page page = page(BODY, List.of(), LocalDate.of(2027, 5, 1));
        page.submitForReview();
        page.approve();
        page.revise(source(BODY + "\nChanged.\n", List.of()), "<p/>", "h2", NOW);
        assertEquals(PageStatus.DRAFT, page.status());
    }

    @Test
    void publishingAtALaterTimeLeavesThePageApprovedUntilThen() {
        Page page = page(BODY, List.of(), LocalDate.of(2027, 5, 1));
        page.submitForReview();
        page.approve();
        Instant tomorrow = NOW.plusSeconds(86_400);
        page.publishApproved(NOW, tomorrow);
        assertEquals(PageStatus.APPROVED, page.status());
        assertEquals(tomorrow, page.publishAt());
        assertFalse(page.isVisibleAt(NOW));
    }
}
