package org.veritycms.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Published comments arranged as a forum thread: top-level comments in order, each with its replies. */
public final class CommentThreads {

    /**
     * A top-level comment and the replies to it, oldest first. The comment is null when it was
     * taken down (hidden, rejected or marked as spam) after readers had replied to it.
     */
    public record Thread(long id, Comment comment, List<Comment> replies) {

        public Thread(Comment comment, List<Comment> replies) {
            this(comment.id(), comment, replies);
        }

        /** The comment was taken down; its replies are still shown. */
        public boolean removed() {
            return comment == null;
        }
    }

    private CommentThreads() {
    }

    /**
     * Arranges comments given oldest first. Replies are only ever made to a published comment, so
     * a reply whose comment is not among them answers one taken down since: the replies keep the
     * thread's place, which a reader sees as removed, because one bad comment should not take
     * harmless answers with it.
     */
    public static List<Thread> arrange(List<Comment> oldestFirst) {
        Map<Long, List<Comment>> replies = new LinkedHashMap<>();
        List<Comment> tops = new ArrayList<>();
        for (Comment c : oldestFirst) {
            if (c.isReply()) {
                replies.computeIfAbsent(c.parentId(), id -> new ArrayList<>()).add(c);
            } else {
                tops.add(c);
            }
        }
        List<Thread> threads = new ArrayList<>();
        for (Comment top : tops) {
            List<Comment> answers = replies.remove(top.id());
            threads.add(new Thread(top, answers == null ? List.of() : List.copyOf(answers)));
        }
        replies.forEach((parentId, answers) -> threads.add(placeOf(threads, parentId),
                new Thread(parentId, null, List.copyOf(answers))));
        return List.copyOf(threads);
    }

    /** Where a removed comment stood: before the first thread started after it (ids grow with time). */
    private static int placeOf(List<Thread> threads, long id) {
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).id() > id) {
                return i;
            }
        }
        return threads.size();
    }

    /** How many comments the threads show (a removed comment is not shown). */
    public static int count(List<Thread> threads) {
        return threads.stream().mapToInt(t -> (t.removed() ? 0 : 1) + t.replies().size()).sum();
    }
}
