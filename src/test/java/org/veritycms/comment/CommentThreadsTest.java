package org.veritycms.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.testing.SampleComments;

class CommentThreadsTest {

    @Test
    void repliesFollowTheirCommentAndThoseOfARemovedCommentKeepItsPlace() {
        Page page = SampleComments.page(CommentPolicy.POSTMODERATED);
        Comment first = SampleComments.comment(page, 1, null, "First");
        Comment second = SampleComments.comment(page, 2, null, "Second");
        Comment replyToFirst = SampleComments.comment(page, 3, first, "Reply to first");
        Comment hidden = SampleComments.comment(page, 4, null, "Hidden later");
        Comment replyToHidden = SampleComments.comment(page, 5, hidden, "Reply to the hidden one");
        Comment anotherReply = SampleComments.comment(page, 6, first, "Another reply to first");
        // the hidden comment is not among the published ones
        List<CommentThreads.Thread> threads = CommentThreads.arrange(List.of(first, second, replyToFirst, replyToHidden,
                anotherReply));
        assertEquals(List.of(1L, 2L, 4L), threads.stream().map(CommentThreads.Thread::id).toList());
        assertEquals(List.of(replyToFirst, anotherReply), threads.get(0).replies());
        assertEquals(List.of(), threads.get(1).replies());
        assertEquals(first, threads.get(0).comment());
        assertTrue(threads.get(2).removed(), "nothing of the hidden comment is kept");
        assertEquals(List.of(replyToHidden), threads.get(2).replies());
        assertEquals(5, CommentThreads.count(threads), "the removed comment is not counted, its reply is");
    }

    @Test
    void aRemovedCommentStandsWhereItWasAmongTheOthers() {
        Page page = SampleComments.page(CommentPolicy.POSTMODERATED);
        Comment hidden = SampleComments.comment(page, 1, null, "Hidden later");
        Comment second = SampleComments.comment(page, 2, null, "Second");
        Comment reply = SampleComments.comment(page, 3, hidden, "Reply to the hidden one");
        List<CommentThreads.Thread> threads = CommentThreads.arrange(List.of(second, reply));
        assertEquals(List.of(1L, 2L), threads.stream().map(CommentThreads.Thread::id).toList());
        assertTrue(threads.get(0).removed());
        assertFalse(threads.get(1).removed());
    }
}
