package org.veritycms.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.veritycms.comment.Author;
import org.veritycms.comment.Comment;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.PageFixtures;
import org.veritycms.page.PageSource;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;

/** Pages and comments for unit tests, with the ids the database would give them. */
public final class SampleComments {

    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private SampleComments() {
    }

    public static Page page(CommentPolicy policy) {
        Topic topic = new Topic(new Slug("exercise"), "Exercise", "Moving more", RiskTier.STANDARD, 0);
        Page page = PageFixtures.published("a-page", topic, new PageSource("Title", "Summary.",
                "Intro\n\n## When to get help\n\nCall 111.\n", RiskTier.STANDARD, "physio", policy, List.of(), List.of(),
                List.of()), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), NOW).page();
        setId(page, 7L);
        return page;
    }

    /** A comment with an id, optionally replying to another. */
    public static Comment comment(Page page, long id, Comment parent, String body) {
        Comment comment = new Comment(page, parent, new Author("Reader " + id, null), body, "reader-" + id,
                NOW.plusSeconds(id));
        setId(comment, id);
        return comment;
    }

    public static void setId(Object entity, long id) {
        PageFixtures.setId(entity, id);
    }
}
