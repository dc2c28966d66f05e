package org.veritycms.site;

import java.util.List;

/** Read-only view models of comments for templates. */
public final class CommentViews {

    private CommentViews() {
    }

    /** One comment as readers see it; {@code bodyHtml} is escaped and linked by {@code CommentText}. */
    public record CommentView(long id, String author, String posted, String postedIso, String bodyHtml, String reportUrl,
            List<CommentView> replies) {
    }

    /**
     * The comments section of a page. {@code stamp} and {@code notice} are placeholders the
     * cached page keeps, filled in for each reader ({@link CommentPlaceholders}).
     */
    public record CommentsView(boolean open, boolean premoderated, int count, List<CommentView> threads,
            String formAction, String stamp, String notice) {
    }

    /** The comment a reader is about to report, and the reasons they can give. */
    public record ReportView(long id, String author, String posted, String postedIso, String bodyHtml, String pageTitle,
            String pageUrl, String action, List<Choice> reasons) {
    }

    /** An option in a form: its value and the message key of its label. */
    public record Choice(String code, String label) {
    }
}
