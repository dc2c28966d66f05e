package org.veritycms.site;

import java.util.List;

/** Read-only view models of comments for templates. */
public final class CommentViews {

    private CommentViews() {
    }

    /**
     * One comment as readers see it; {@code bodyHtml} is escaped and linked by {@code CommentText}.
     * A removed comment shows nothing of itself, only that it was removed, above its replies.
     */
    public record CommentView(long id, String author, String posted, String postedIso, String bodyHtml, String reportUrl,
            List<CommentView> replies, boolean removed) {

        public CommentView(long id, String author, String posted, String postedIso, String bodyHtml, String reportUrl,
                List<CommentView> replies) {
            this(id, author, posted, postedIso, bodyHtml, reportUrl, replies, false);
        }

        /** The place of a comment taken down after readers replied to it. */
        public static CommentView takenDown(long id, List<CommentView> replies) {
            return new CommentView(id, "", "", "", "", "", replies, true);
        }
    }

    /**
     * The comments section of a page, the same for every reader: the form is on a page of its own
     * ({@code writeUrl}); {@code notice} is a placeholder filled in only at the address a form
     * redirects to ({@link CommentPlaceholders}).
     */
    public record CommentsView(boolean open, boolean premoderated, int count, List<CommentView> threads,
            String writeUrl, String notice) {
    }

    /**
     * The page a reader writes a comment or a reply on: {@code stamp} is the signed time it was shown
     * to them; {@code replyTo} the comment answered, or null (with {@code replyGone} when the reader
     * asked to answer a comment that is no longer published).
     */
    public record WriteView(String pageTitle, String pageUrl, String formAction, boolean premoderated, String stamp,
            String parent, CommentView replyTo, boolean replyGone) {
    }

    /** The comment a reader is about to report, and the reasons they can give. */
    public record ReportView(long id, String author, String posted, String postedIso, String bodyHtml, String pageTitle,
            String pageUrl, String action, List<Choice> reasons) {
    }

    /**
     * A comment the screens refused, back in its form with everything the reader wrote and, as
     * message keys, why it was refused. {@code stamp} is the time this form is shown, signed.
     */
    public record RetryView(String pageTitle, String pageUrl, String formAction, String stamp, String parent,
            String name, String email, String body, List<String> reasons) {
    }

    /** An option in a form: its value and the message key of its label. */
    public record Choice(String code, String label) {
    }
}
