package org.veritycms.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.testing.SampleComments;

class CommentThreadsTest {

    @Test
    void repliesFollowTheirCommentAndOrphansAreLeftOut() {
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
        assertEquals(List.of(first, second), threads.stream().map(CommentThreads.Thread::comment).toList());
        assertEquals(List.of(replyToFirst, anotherReply), threads.get(0).replies());
        assertEquals(List.of(), threads.get(1).replies());
        assertEquals(4, CommentThreads.count(threads));
    }
}
