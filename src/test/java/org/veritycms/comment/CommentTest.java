package org.veritycms.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.Readability;
import org.veritycms.page.ReviewPolicy;
import org.veritycms.page.WithdrawalReason;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.veritycms.shared.ProblemException;
import org.veritycms.testing.SampleComments;

class CommentTest {

    final Page page = SampleComments.page(CommentPolicy.POSTMODERATED);

    Comment published(long id) {
        Comment c = SampleComments.comment(page, id, null, "Body " + id);
        c.publishOnArrival();
        return c;
    }

    @Test
    void aReplyToAReplyJoinsTheTopLevelThread() {
        Comment top = published(1);
        Comment reply = SampleComments.comment(page, 2, top, "A reply");
        Comment replyToReply = SampleComments.comment(page, 3, reply, "A reply to the reply");
        assertEquals(1L, reply.parentId());
        assertEquals(1L, replyToReply.parentId(), "one level deep, as in a forum thread");
    }

    @Test
    void aReplyBelongsToTheSamePage() {
        Comment top = published(1);
        Page other = SampleComments.page(CommentPolicy.POSTMODERATED);
        SampleComments.setId(other, 8L);
        assertThrows(IllegalArgumentException.class, () -> SampleComments.comment(other, 2, top, "Elsewhere"));
    }

    @Test
    void threeReportsHideAPublishedComment() {
        Comment c = published(1);
        assertFalse(c.countReport(3, 6));
        assertFalse(c.countReport(3, 6));
        assertEquals(CommentStatus.PUBLISHED, c.status());
        assertTrue(c.countReport(3, 6));
        assertEquals(CommentStatus.HIDDEN, c.status());
    }

    @Test
    void anApprovedCommentIsHiddenAgainOnlyByNewReportsPastTheHigherThreshold() {
        Comment c = published(1);
        for (int i = 0; i < 3; i++) {
            c.countReport(3, 6);
        }
        c.approve("mod", SampleComments.NOW);
        assertEquals(CommentStatus.PUBLISHED, c.status());
        assertEquals(0, c.reportsSinceReview(), "the old reports were looked at");
        for (int i = 0; i < 5; i++) {
            assertFalse(c.countReport(3, 6), "report " + (i + 1) + " after approval");
        }
        assertTrue(c.countReport(3, 6));
        assertEquals(CommentStatus.HIDDEN, c.status());
    }

    @Test
    void rejectingKeepsTheReasonAndRestoringPublishesAsApproved() {
        Comment c = SampleComments.comment(page, 1, null, "Held");
        c.reject("mod", "offensive", SampleComments.NOW);
        assertEquals(CommentStatus.REJECTED, c.status());
        assertEquals("offensive", c.rejectionReason());
        assertEquals("mod", c.decidedBy());
        c.restore("mod2", SampleComments.NOW);
        assertEquals(CommentStatus.PUBLISHED, c.status());
        assertTrue(c.moderatorApproved());
        assertEquals(null, c.rejectionReason());
    }

    @Test
    void decisionsTheStatusDoesNotAllowAreConflicts() {
        Comment c = published(1);
        ProblemException approveTwice = assertThrows(ProblemException.class, () -> c.approve("mod", SampleComments.NOW));
        assertEquals(409, approveTwice.problem().status());
        c.markSpam("mod", SampleComments.NOW);
        assertThrows(ProblemException.class, () -> c.markSpam("mod", SampleComments.NOW));
        assertThrows(ProblemException.class, () -> c.reject("mod", "other", SampleComments.NOW));
    }

    @Test
    void screeningRecordsItsReasonsForFiltering() {
        Comment c = SampleComments.comment(page, 1, null, "Text");
        c.recordScreening(List.of("personal-data", "safeguarding"), "personal-data: a phone number", true);
        assertEquals(List.of("personal-data", "safeguarding"), c.screenReasonCodes());
        assertTrue(c.urgent());
        c.refuseOnArrival(SampleComments.NOW);
        assertEquals("screening", c.decidedBy());
        assertThrows(IllegalStateException.class, c::publishOnArrival);
    }

    @Test
    void authorAndBodyKeepTheirLimits() {
        assertTrue(Author.nameProblem(" ").isPresent());
        assertTrue(Author.nameProblem("x".repeat(81)).isPresent());
        assertTrue(Author.nameProblem("\u0001\u0002").isPresent(), "control characters alone are no name");
        assertTrue(Author.nameProblem("<b>Jo</b>").isEmpty(), "any text is a name; it is escaped when shown");
        assertTrue(Author.emailProblem("").isEmpty());
        assertTrue(Author.emailProblem("not an address").isPresent());
        assertTrue(Author.emailProblem("jo@example.org").isEmpty());
        assertTrue(CommentBody.problem("").isPresent());
        assertTrue(CommentBody.problem("x".repeat(CommentBody.MAX_LENGTH + 1)).isPresent());
        assertTrue(CommentBody.problem("x".repeat(CommentBody.MAX_LENGTH)).isEmpty());
    }

    @Test
    void bodyLosesInvisibleCharactersThatCouldHideTextFromModerators() {
        assertEquals("abc\ndef", CommentBody.clean("a\u202Eb\u0000c\r\ndef"));
        assertEquals(CommentBody.fingerprint("Great advice, thanks!"), CommentBody.fingerprint("great   ADVICE thanks"));
    }

    @Test
    void aPageTakesCommentsWhileItsPolicyAllowsAndReadersCanSeeIt() {
        assertTrue(Commenting.isOpen(page, readability(page)));
        assertFalse(Commenting.isPremoderated(page));
        Page closed = SampleComments.page(CommentPolicy.CLOSED);
        assertFalse(Commenting.isOpen(closed, readability(closed)));
        Page premoderated = SampleComments.page(CommentPolicy.PREMODERATED);
        assertTrue(Commenting.isOpen(premoderated, readability(premoderated)) && Commenting.isPremoderated(premoderated));
        premoderated.withdrawByEditor(WithdrawalReason.SAFETY, "Under revision");
        assertFalse(Commenting.isOpen(premoderated, readability(premoderated)), "withdrawing a page closes its comments");
    }

    private static Readability readability(Page page) {
        return page.readabilityAt(SampleComments.NOW, LocalDate.ofInstant(SampleComments.NOW, ZoneOffset.UTC),
                ReviewPolicy.defaults());
    }
}
