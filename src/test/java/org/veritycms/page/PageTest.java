package org.veritycms.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page aggregate's own rules: its life-cycle, drafts over live content, approvals and the read rule. */
class PageTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Topic TOPIC = new Topic(new Slug("exercise"), "Exercise", "Moving more", RiskTier.STANDARD, 0);
    static final String BODY = "Intro\n\n## When to get help\n\nCall 111.\n";
    static final String VIDEO_SRC = "https://media.example.org/v.mp4";

    static PageSource source(String body, List<MediaSource> media) {
        return new PageSource("Title", "Summary.", body, RiskTier.STANDARD, "physio", CommentPolicy.POSTMODERATED,
                List.of("other-page"), List.of(), media);
    }

    static MediaSource video() {
        return new MediaSource(MediaKind.VIDEO, "Video", VIDEO_SRC, null, "Words");
    }

    static PageFixtures.Drafted live(String body, List<MediaSource> media, LocalDate due) {
        return PageFixtures.published("a-page", TOPIC, source(body, media), due.minusYears(2), due, NOW);
    }

    // ------------------------------------------------------------------------------ review dates

    @Test
    void effectiveReviewDueIsTheEarliestOfPageAndMedia() {
        Page page = live(BODY, List.of(video()), LocalDate.of(2027, 5, 1)).page();
        PageFixtures.mediaDates(page, Map.of(VIDEO_SRC, new ReviewDates(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 12, 20))));
        assertEquals(LocalDate.of(2026, 12, 20), page.effectiveReviewDue());
        assertEquals(VIDEO_SRC, page.mediaDrivingDue().orElseThrow().src(), "the notice can name the item driving the date");
    }

    @Test
    void effectiveReviewDueIsThePagesOwnWhenMediaIsLater() {
        Page page = live(BODY, List.of(video()), LocalDate.of(2027, 5, 1)).page();
        PageFixtures.mediaDates(page, Map.of(VIDEO_SRC, new ReviewDates(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1))));
        assertEquals(LocalDate.of(2027, 5, 1), page.effectiveReviewDue());
        assertTrue(page.mediaDrivingDue().isEmpty());
    }

    @Test
    void aNewPageHasNoReviewUntilItIsApprovedAndGoesLiveWithTheApprovalsDates() {
        PageFixtures.Drafted drafted = PageFixtures.draft("a-page", TOPIC, source(BODY, List.of(video())), NOW);
        Page page = drafted.page();
        assertNull(page.reviewDates().lastReviewedOn());
        assertNull(page.reviewedBy());
        page.submitForReview(drafted.workingCopy().source());
        ReviewRecord approval = drafted.approval("helen", TODAY, TODAY.plusYears(1));
        page.approve(approval);
        assertNull(page.reviewedBy(), "approved is not yet live: the page's dates wait for publication");
        page.publishApproved(NOW, null, drafted.workingCopy(), TODAY);
        assertEquals(TODAY, page.reviewDates().lastReviewedOn());
        assertEquals(TODAY.plusYears(1), page.reviewDates().nextReviewDue());
        assertEquals("helen", page.reviewedBy().name());
        assertEquals(1, page.reviewedRevision());
        assertEquals(1, page.liveRevision());
        assertEquals(TODAY.plusYears(1), page.media().get(0).reviewDates().nextReviewDue(),
                "media the approval covered take its dates");
        assertEquals(approval.contentSha256(), page.contentHash(), "what went live is what was signed");
    }

    // ------------------------------------------------------------------------------ drafts over live pages

    @Test
    void aChangeToALivePageIsPendingAndTheLiveContentStaysAsItWas() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        String liveHash = page.contentHash();
        ReviewDates reviewed = page.reviewDates();

        drafted.revise(source(BODY + "\nTake ibuprofen every hour.\n", List.of()), "author", false, NOW.plusSeconds(60));

        assertEquals(BODY, page.bodyMarkdown(), "readers keep the live revision");
        assertEquals(liveHash, page.contentHash());
        assertEquals(1, page.liveRevision());
        assertEquals(2, page.workingRevision());
        assertEquals(ChangeStatus.DRAFT, page.change());
        assertEquals(PageStatus.PUBLISHED, page.status());
        assertEquals(reviewed, page.reviewDates(), "editing never moves Last reviewed");
        assertFalse(page.changedSinceReview());
    }

    @Test
    void anApprovedChangeGoesLiveWithItsOwnReview() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        drafted.revise(source(BODY + "\nA new paragraph.\n", List.of()), "author", false, NOW);
        page.submitForReview(drafted.workingCopy().source());
        assertEquals(ChangeStatus.IN_REVIEW, page.change());
        ReviewRecord approval = drafted.approval("helen", TODAY, TODAY.plusMonths(18));
        page.approve(approval);
        assertEquals(BODY, page.bodyMarkdown(), "approved, still not live");
        page.publishApproved(NOW, null, drafted.workingCopy(), TODAY);
        assertEquals(BODY + "\nA new paragraph.\n", page.bodyMarkdown());
        assertEquals(2, page.liveRevision());
        assertEquals(2, page.reviewedRevision());
        assertEquals(TODAY.plusMonths(18), page.reviewDates().nextReviewDue());
        assertEquals(ChangeStatus.NONE, page.change());
        assertEquals(drafted.revision(2).contentHash(), page.contentHash());
    }

    @Test
    void anApprovalNamesItsRevisionAndANewerRevisionMakesItStale() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        drafted.revise(source(BODY + "\nOne.\n", List.of()), "author", false, NOW);
        page.submitForReview(drafted.workingCopy().source());
        ReviewRecord ofRevision2 = drafted.approval("helen", TODAY, TODAY.plusYears(1));
        drafted.revise(source(BODY + "\nTwo.\n", List.of()), "author", false, NOW);
        page.submitForReview(drafted.workingCopy().source());
        StaleRevision stale = assertThrows(StaleRevision.class, () -> page.approve(ofRevision2));
        assertTrue(stale.getMessage().contains("3"), stale.getMessage());
        assertEquals(ChangeStatus.IN_REVIEW, page.change(), "nothing changed");
    }

    @Test
    void savingOverAnApprovedChangeDropsTheApproval() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        drafted.revise(source(BODY + "\nOne.\n", List.of()), "author", false, NOW);
        page.submitForReview(drafted.workingCopy().source());
        page.approve(drafted.approval("helen", TODAY, TODAY.plusYears(1)));
        drafted.revise(source(BODY + "\nOne, and then more.\n", List.of()), "author", false, NOW);
        assertTrue(page.approval().isEmpty());
        assertEquals(ChangeStatus.DRAFT, page.change());
        assertThrows(WorkflowRefused.class, () -> page.publishApproved(NOW, null, drafted.workingCopy(), TODAY));
        assertEquals(BODY, page.bodyMarkdown());
    }

    @Test
    void aDiscardedChangeLeavesTheLiveRevisionWorking() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        drafted.revise(source(BODY + "\nNot wanted.\n", List.of()), "author", false, NOW);
        page.discardChange();
        assertEquals(1, page.workingRevision());
        assertEquals(ChangeStatus.NONE, page.change());
        assertEquals(2, page.latestRevision(), "the discarded revision keeps its number");
    }

    @Test
    void aNonClinicalCorrectionGoesLiveWithoutMovingTheReviewAndIsMarked() {
        PageFixtures.Drafted drafted = live(BODY, List.of(video()), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        LocalDate reviewedOn = page.reviewDates().lastReviewedOn();
        drafted.revise(source(BODY.replace("Intro", "Introduction"), List.of(video())), "editor", true, NOW);
        page.publishCorrection(drafted.workingCopy(), NOW, TODAY);
        assertEquals(BODY.replace("Intro", "Introduction"), page.bodyMarkdown());
        assertEquals(2, page.liveRevision());
        assertEquals(1, page.reviewedRevision(), "Reviewed by stays with the revision that was reviewed");
        assertEquals(reviewedOn, page.reviewDates().lastReviewedOn());
        assertTrue(page.changedSinceReview());
    }

    @Test
    void aCorrectionCannotBringNewMediaOrPassAnOverdueReview() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        drafted.revise(source(BODY, List.of(video())), "editor", true, NOW);
        assertThrows(WorkflowRefused.class, () -> page.publishCorrection(drafted.workingCopy(), NOW, TODAY));
        assertEquals(1, page.liveRevision());

        PageFixtures.Drafted overdue = PageFixtures.published("b-page", TOPIC, source(BODY, List.of()), TODAY,
                TODAY.plusDays(10), NOW);
        overdue.revise(source(BODY.replace("Intro", "Introduction"), List.of()), "editor", true, NOW);
        assertThrows(WorkflowRefused.class, () -> overdue.page().publishCorrection(overdue.workingCopy(), NOW,
                TODAY.plusDays(11)), "past its review date, a page takes no change before its review");
    }

    @Test
    void publishingContentAlreadyPastItsReviewDateIsRefusedUntilItIsSignedOff() {
        PageFixtures.Drafted drafted = live(BODY, List.of(video()), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        PageFixtures.mediaDates(page, Map.of(VIDEO_SRC, new ReviewDates(TODAY.minusYears(1), TODAY.minusDays(3))));
        drafted.revise(source(BODY + "\nMore.\n", List.of(video())), "author", false, NOW);
        page.submitForReview(drafted.workingCopy().source());
        page.approve(drafted.approval("helen", TODAY, TODAY.plusYears(1)));
        WorkflowRefused refused = assertThrows(WorkflowRefused.class,
                () -> page.publishApproved(NOW, null, drafted.workingCopy(), TODAY));
        assertTrue(refused.getMessage().contains("past its review date"), refused.getMessage());
        assertEquals(1, page.liveRevision());
    }

    // ------------------------------------------------------------------------------ workflow table

    @Test
    void workflowRunsFromDraftThroughReviewToPublishedAndBeyond() {
        PageFixtures.Drafted drafted = PageFixtures.draft("a-page", TOPIC, source(BODY, List.of()), NOW);
        Page page = drafted.page();
        assertEquals(PageStatus.DRAFT, page.status());
        drafted.publish(TODAY, TODAY.plusYears(1), NOW);
        assertTrue(page.isVisibleAt(NOW));
        page.withdrawByEditor(WithdrawalReason.EDITORIAL, "Being rewritten");
        assertEquals(PageStatus.WITHDRAWN, page.status());
        assertEquals(WithdrawalReason.EDITORIAL, page.withdrawalReason());
        page.reopen(drafted.workingCopy(), NOW, TODAY);
        assertEquals(PageStatus.DRAFT, page.status());
        assertNull(page.withdrawalReason());
        page.archiveByEditor();
        assertThrows(WorkflowRefused.class, () -> drafted.revise(source(BODY, List.of()), "author", false, NOW));
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheReason() {
        PageFixtures.Drafted drafted = PageFixtures.draft("a-page", TOPIC, source(BODY, List.of()), NOW);
        Page page = drafted.page();
        WorkflowRefused refused = assertThrows(WorkflowRefused.class,
                () -> page.approve(drafted.approval("helen", TODAY, TODAY.plusYears(1))));
        assertEquals("A page that is draft cannot be approved", refused.getMessage());
        assertThrows(WorkflowRefused.class, () -> page.publishApproved(NOW, null, drafted.workingCopy(), TODAY));
        assertThrows(WorkflowRefused.class, () -> page.withdrawByEditor(WithdrawalReason.SAFETY, null));
        assertThrows(WorkflowRefused.class, () -> page.reopen(drafted.workingCopy(), NOW, TODAY));
        assertThrows(WorkflowRefused.class, page::discardChange);
        assertEquals(PageStatus.DRAFT, page.status());
    }

    @Test
    void anEditorCannotWithdrawForAnOverdueReview() {
        Page page = live(BODY, List.of(), LocalDate.of(2027, 5, 1)).page();
        assertThrows(IllegalArgumentException.class, () -> page.withdrawByEditor(WithdrawalReason.REVIEW_OVERDUE, null));
        assertThrows(IllegalArgumentException.class, () -> page.withdrawByEditor(null, null));
        assertEquals(PageStatus.PUBLISHED, page.status());
    }

    @Test
    void aPageWithoutHelpSectionCannotEvenBeSubmitted() {
        PageFixtures.Drafted drafted = PageFixtures.draft("a-page", TOPIC, source("No help here.\n", List.of()), NOW);
        assertThrows(WorkflowRefused.class, () -> drafted.page().submitForReview(drafted.workingCopy().source()));
        assertEquals(PageStatus.DRAFT, drafted.page().status());
    }

    @Test
    void editingAnApprovedDraftSendsItBackToDraft() {
        PageFixtures.Drafted drafted = PageFixtures.draft("a-page", TOPIC, source(BODY, List.of()), NOW);
        Page page = drafted.page();
        page.submitForReview(drafted.workingCopy().source());
        page.approve(drafted.approval("helen", TODAY, TODAY.plusYears(1)));
        drafted.revise(source(BODY + "\nChanged.\n", List.of()), "author", false, NOW);
        assertEquals(PageStatus.DRAFT, page.status());
        assertTrue(page.approval().isEmpty());
    }

    @Test
    void publishingAtALaterTimeLeavesThePageApprovedUntilThen() {
        PageFixtures.Drafted drafted = PageFixtures.draft("a-page", TOPIC, source(BODY, List.of()), NOW);
        Page page = drafted.page();
        page.submitForReview(drafted.workingCopy().source());
        page.approve(drafted.approval("helen", TODAY, TODAY.plusYears(1)));
        Instant tomorrow = NOW.plusSeconds(86_400);
        page.publishApproved(NOW, tomorrow, drafted.workingCopy(), TODAY);
        assertEquals(PageStatus.APPROVED, page.status());
        assertEquals(tomorrow, page.publishAt());
        assertFalse(page.isVisibleAt(NOW));
        page.publishScheduled(drafted.workingCopy(), tomorrow, TODAY.plusDays(1));
        assertTrue(page.isVisibleAt(tomorrow));
        assertEquals(TODAY, page.reviewDates().lastReviewedOn());
    }

    // ------------------------------------------------------------------------------ withdrawal reasons

    @Test
    void aReviewOfTheLiveRevisionRestoresAPageWithdrawnForBeingOverdue() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), TODAY.plusDays(1));
        Page page = drafted.page();
        PageFixtures.withdrawOverdue(page);
        assertEquals(WithdrawalReason.REVIEW_OVERDUE, page.withdrawalReason());
        LocalDate later = TODAY.plusDays(92);
        page.recordReview(drafted.periodicReview("helen", ReviewKind.NO_CHANGE, later, later.plusYears(2)), later);
        assertEquals(PageStatus.PUBLISHED, page.status());
        assertNull(page.withdrawalReason());
    }

    @Test
    void noReviewBringsBackAPageAnEditorWithdrewForSafety() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        page.withdrawByEditor(WithdrawalReason.SAFETY, "Advice under question");
        assertThrows(WorkflowRefused.class, () -> drafted.revise(source(BODY, List.of()), "author", false, NOW),
                "reopen it first");
        page.recordReview(drafted.periodicReview("helen", ReviewKind.FULL, TODAY, TODAY.plusYears(2)), TODAY);
        assertEquals(PageStatus.WITHDRAWN, page.status());
        assertEquals(WithdrawalReason.SAFETY, page.withdrawalReason());
    }

    @Test
    void aPeriodicReviewMustBeOfTheLiveRevision() {
        PageFixtures.Drafted drafted = live(BODY, List.of(), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        drafted.revise(source(BODY + "\nPending.\n", List.of()), "author", false, NOW);
        ReviewRecord ofPending = drafted.approval("helen", TODAY, TODAY.plusYears(1));
        assertThrows(WorkflowRefused.class, () -> page.recordReview(new ReviewRecord(new ReviewRecord.Subject(page.id(),
                page.slug(), null, null, "Title", 2, ofPending.contentSha256()), ReviewKind.FULL,
                new ReviewRecord.Signature("helen", "Dr helen", "Physiotherapist", null), null, TODAY, TODAY.plusYears(1),
                NOW), TODAY));
        assertEquals(LocalDate.of(2027, 5, 1), page.reviewDates().nextReviewDue());
    }

    // ------------------------------------------------------------------------------ the clock rules the read path

    @Test
    void noticeFromDay30AndGoneFromDay90WhateverTheScanDid() {
        LocalDate due = LocalDate.of(2027, 3, 1);
        Page page = live(BODY, List.of(), due).page();
        ReviewPolicy policy = ReviewPolicy.defaults();
        assertEquals(ReviewState.OVERDUE, policy.stateOf(page.effectiveReviewDue(), due.plusDays(29), RiskTier.STANDARD));
        assertEquals(ReviewState.NOTICE, policy.stateOf(page.effectiveReviewDue(), due.plusDays(30), RiskTier.STANDARD));
        assertEquals(Readability.READABLE, page.readabilityAt(NOW, due.plusDays(89), policy));
        assertEquals(Readability.GONE, page.readabilityAt(NOW, due.plusDays(90), policy), "no scan has run");
        assertEquals(Readability.GONE, page.readabilityAt(NOW, due.plusDays(91), policy));
        assertEquals(PageStatus.PUBLISHED, page.status(), "the status waits for the scan; readers do not");
    }

    @Test
    void theDayTurnsAtMidnightInTheSiteZoneAcrossADaylightSavingChange() {
        ZoneId london = ZoneId.of("Europe/London");
        // clocks go forward at 01:00 on 28 March 2027; day 90 after 28 December 2026 is 28 March 2027
        LocalDate due = LocalDate.of(2026, 12, 28);
        Page page = live(BODY, List.of(), due).page();
        ReadablePagesRule rule = new ReadablePagesRule(ReviewPolicy.defaults(), Clock.system(london));
        Instant lastMomentOfDay89 = LocalDateTime.of(2027, 3, 27, 23, 59, 59).atZone(london).toInstant();
        Instant midnight = LocalDateTime.of(2027, 3, 28, 0, 0).atZone(london).toInstant();
        Instant afterTheChange = LocalDateTime.of(2027, 3, 28, 2, 30).atZone(london).toInstant();
        assertEquals(Readability.READABLE, rule.of(page, lastMomentOfDay89));
        assertEquals(Readability.GONE, rule.of(page, midnight));
        assertEquals(Readability.GONE, rule.of(page, afterTheChange));
    }

    @Test
    void aPageOutsideItsPublicationWindowIsNotFound() {
        Page page = live(BODY, List.of(), LocalDate.of(2027, 5, 1)).page();
        page.schedule(null, NOW.plusSeconds(60));
        assertEquals(Readability.READABLE, page.readabilityAt(NOW, TODAY, ReviewPolicy.defaults()));
        assertEquals(Readability.NOT_FOUND, page.readabilityAt(NOW.plusSeconds(60), TODAY, ReviewPolicy.defaults()));
    }

    // ------------------------------------------------------------------------------ content rules

    @Test
    void helpSectionIsFoundWhateverItsCase() {
        assertTrue(source("x\n\n## When To Get Help\n", List.of()).hasWhenToGetHelpSection());
        assertFalse(source("x\n\nWhen to get help is below\n", List.of()).hasWhenToGetHelpSection());
        assertTrue(source("x\r\n\r\n### when to get help ##\r\n\r\nCall 111.\r\n", List.of()).hasWhenToGetHelpSection());
        assertFalse(source("x\n\n##\nwhen to get help\n", List.of()).hasWhenToGetHelpSection(), "a heading is one line");
        assertFalse(source("x\n\n# When to get help\n", List.of()).hasWhenToGetHelpSection(), "a section, not the title");
    }

    @Test
    void imagesNeedAltTextAndVideosATranscript() {
        assertThrows(IllegalArgumentException.class, () -> new MediaSource(MediaKind.IMAGE, "I", "/media/i.svg", " ", null));
        assertThrows(IllegalArgumentException.class, () -> new MediaSource(MediaKind.VIDEO, "V", "/v.mp4", null, null));
    }

    @Test
    void reviewDatesMustMoveForward() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReviewDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aMediaItemsVersionMovesWhenItsContentChanges() {
        PageFixtures.Drafted drafted = live(BODY, List.of(video()), LocalDate.of(2027, 5, 1));
        Page page = drafted.page();
        int before = page.media().get(0).revision();
        String hash = page.media().get(0).contentHash();
        drafted.revise(source(BODY, List.of(new MediaSource(MediaKind.VIDEO, "Video", VIDEO_SRC, null, "New words"))),
                "author", false, NOW);
        page.submitForReview(drafted.workingCopy().source());
        page.approve(drafted.approval("helen", TODAY, TODAY.plusYears(1)));
        page.publishApproved(NOW, null, drafted.workingCopy(), TODAY);
        assertEquals(before + 1, page.media().get(0).revision());
        assertFalse(hash.equals(page.media().get(0).contentHash()));
    }
}
