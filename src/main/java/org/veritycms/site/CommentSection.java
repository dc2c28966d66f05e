package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.veritycms.comment.Comment;
import org.veritycms.comment.CommentRepository;
import org.veritycms.comment.CommentStatus;
import org.veritycms.comment.CommentText;
import org.veritycms.comment.CommentThreads;
import org.veritycms.comment.Commenting;
import org.veritycms.comment.ReportReason;
import org.veritycms.page.Page;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.site.CommentViews.CommentView;
import org.veritycms.site.CommentViews.CommentsView;
import org.veritycms.site.CommentViews.ReportView;
import org.veritycms.site.CommentViews.WriteView;
import org.veritycms.theme.DateFormats;

/** Composes a page's comments section (one query for all its published comments) and the report form. */
@ApplicationScoped
public class CommentSection {

    private final CommentRepository comments;
    private final DateFormats dates;
    private final ReadablePagesRule readable;

    @Inject
    public CommentSection(CommentRepository comments, DateFormats dates, ReadablePagesRule readable) {
        this.comments = comments;
        this.dates = dates;
        this.readable = readable;
    }

    protected CommentSection() {
        this(null, null, null);
    }

    /** The section of a page being rendered, inside the caller's transaction. */
    public CommentsView of(Page page, Instant now) {
        List<CommentThreads.Thread> threads = CommentThreads.arrange(comments.publishedOn(page.id()));
        List<CommentView> views = threads.stream()
                .map(t -> {
                    List<CommentView> replies = t.replies().stream().map(r -> view(r, List.of())).toList();
                    return t.removed() ? CommentView.takenDown(t.id(), replies) : view(t.comment(), replies);
                }).toList();
        return new CommentsView(Commenting.isOpen(page, readable.of(page, now)), Commenting.isPremoderated(page), CommentThreads.count(threads),
                views, writeUrl(page), CommentPlaceholders.NOTICE);
    }

    /** Where a reader writes a comment on the page (a reply: with {@code ?reply=} and the comment's id). */
    static String writeUrl(Page page) {
        return SiteViews.pageUrl(page.topic().slug(), page.slug()) + "/comment";
    }

    /**
     * The form for a comment on an open page, or a reply to one of its published comments, shown
     * now with this stamp; empty when the page takes no comments.
     */
    public Optional<WriteView> toWrite(Page page, Long replyTo, Instant now, String stamp) {
        if (!Commenting.isOpen(page, readable.of(page, now))) {
            return Optional.empty();
        }
        Optional<Comment> answered = replyTo == null ? Optional.empty() : comments.find(replyTo)
                .filter(c -> c.status() == CommentStatus.PUBLISHED && c.page().id().equals(page.id()));
        String pageUrl = SiteViews.pageUrl(page.topic().slug(), page.slug());
        return Optional.of(new WriteView(page.title(), pageUrl, pageUrl + "/comments", Commenting.isPremoderated(page), stamp,
                answered.map(c -> Long.toString(c.id())).orElse(""), answered.map(c -> view(c, List.of())).orElse(null),
                replyTo != null && answered.isEmpty()));
    }

    /** A published comment to report, with its page. */
    @Transactional
    public Optional<ReportView> toReport(long id) {
        return comments.find(id).filter(c -> c.status() == CommentStatus.PUBLISHED).map(c -> new ReportView(c.id(),
                c.authorName(), dates.format(c.createdAt()), c.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), CommentText.toHtml(c.body()),
                c.page().title(), SiteViews.pageUrl(c.page().topic().slug(), c.page().slug()),
                reportUrl(c.id()), REASONS));
    }

    /** Each report reason with its label's message key, e.g. {@code report.reason.personal-information}. */
    static final List<CommentViews.Choice> REASONS = Arrays.stream(ReportReason.values())
            .map(r -> new CommentViews.Choice(r.code(), "report.reason." + r.code())).toList();

    public static String reportUrl(long id) {
        return "/comments/" + id + "/report";
    }

    private CommentView view(Comment c, List<CommentView> replies) {
        return new CommentView(c.id(), c.authorName(), dates.format(c.createdAt()), c.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                CommentText.toHtml(c.body()), reportUrl(c.id()), replies);
    }
}
