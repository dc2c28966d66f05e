package org.veritycms.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Published comments arranged as a forum thread: top-level comments in order, each with its replies. */
public final class CommentThreads {

    /** A top-level comment and the replies to it, oldest first. */
    public record Thread(Comment comment, List<Comment> replies) {
    }

    private CommentThreads() {
    }

    /**
     * Arranges comments given oldest first. A reply whose comment is not among them (held or
     * hidden) is left out with it: it would make no sense alone.
     */
    public static List<Thread> arrange(List<Comment> oldestFirst) {
        Map<Long, List<Comment>> replies = new LinkedHashMap<>();
        for (Comment c : oldestFirst) {
            if (!c.isReply()) {
                replies.put(c.id(), new ArrayList<>());
            }
        }
        List<Comment> tops = new ArrayList<>();
        for (Comment c : oldestFirst) {
            if (!c.isReply()) {
                tops.add(c);
            } else if (replies.containsKey(c.parentId())) {
                replies.get(c.parentId()).add(c);
            }
        }
        return tops.stream().map(t -> new Thread(t, List.copyOf(replies.get(t.id())))).toList();
    }

    /** How many comments the threads show. */
    public static int count(List<Thread> threads) {
        return threads.stream().mapToInt(t -> 1 + t.replies().size()).sum();
    }
}
