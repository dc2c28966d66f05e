package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.comment.Comment;
import org.veritycms.comment.CommentReport;
import org.veritycms.comment.CommentRepository;
import org.veritycms.comment.CommentStatus;
import org.veritycms.comment.ReportReason;
import org.veritycms.page.PageChanged;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * Readers reporting a comment as offensive or unsuitable: one report per reader per comment;
 * enough distinct readers hide it until a moderator decides ({@code verity.comments.reports-to-hide}),
 * and a comment a moderator approved needs more new reports ({@code verity.comments.reports-to-hide-approved}).
 * Distinct readers means distinct addresses too: since the comment's last decision, reports from one
 * address count once however many reader cookies they carry, as a new cookie costs nothing.
 */
@ApplicationScoped
public class ReaderReports {

    /** Whether this reader's report counted. */
    public enum Result { RECORDED, ALREADY_REPORTED }

    /** Who reports: the reader (their cookie) and a keyed hash of their network address. */
    public record Reporter(String readerId, String addressHash) {
    }

    /** The result, and where the comment is shown. */
    public record Outcome(Result result, long commentId, String topicSlug, String pageSlug) {
    }

    private final CommentRepository comments;
    private final ModerationLog log;
    private final Event<PageChanged> changes;
    private final Clock clock;
    private final int reportsToHide;
    private final int reportsToHideApproved;

    @Inject
    public ReaderReports(CommentRepository comments, ModerationLog log, Event<PageChanged> changes, Clock clock,
            @ConfigProperty(name = "verity.comments.reports-to-hide", defaultValue = "3") int reportsToHide,
            @ConfigProperty(name = "verity.comments.reports-to-hide-approved", defaultValue = "6") int reportsToHideApproved) {
        this.comments = comments;
        this.log = log;
        this.changes = changes;
        this.clock = clock;
        this.reportsToHide = reportsToHide;
        this.reportsToHideApproved = reportsToHideApproved;
    }

    protected ReaderReports() {
        this(null, null, null, null, 0, 0);
    }

    @Transactional
    public Outcome report(long commentId, Reporter reporter, String reasonCode, String note) {
        String readerId = reporter.readerId();
        List<Problem.FieldError> errors = new ArrayList<>();
        ReportReason reason = ReportReason.fromCode(reasonCode).orElse(null);
        if (reason == null) {
            errors.add(new Problem.FieldError("reason", "Choose why you are reporting this comment."));
        }
        if (note != null && note.strip().length() > CommentReport.MAX_NOTE) {
            errors.add(new Problem.FieldError("note", "A note is at most " + CommentReport.MAX_NOTE + " characters."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Some fields are not valid.", errors);
        }
        // locked, so that concurrent reports are counted one after the other
        Comment comment = comments.findForUpdate(commentId).filter(ReaderReports::reportable)
                .orElseThrow(() -> ProblemException.notFound("There is no comment " + commentId + " to report."));
        String topic = comment.page().topic().slug();
        if (comments.hasReported(commentId, readerId)) {
            return new Outcome(Result.ALREADY_REPORTED, commentId, topic, comment.page().slug());
        }
        boolean newAddress = !comments.hasReportedFrom(commentId, reporter.addressHash(), comment.decidedAt());
        comments.addReport(new CommentReport(comment, readerId, reporter.addressHash(), reason, note, clock.instant()));
        CommentStatus before = comment.status();
        if (newAddress && comment.countReport(reportsToHide, reportsToHideApproved)) {
            log.append(comment, ModerationAction.HIDDEN_BY_REPORTS, "readers", before,
                    comment.reportsSinceReview() + " reports", null);
            changes.fire(PageChanged.comments(comment.page().slug()));
        }
        return new Outcome(Result.RECORDED, commentId, topic, comment.page().slug());
    }

    /** What a reader can see (or just saw) can be reported. */
    static boolean reportable(Comment comment) {
        return comment.status() == CommentStatus.PUBLISHED || comment.status() == CommentStatus.HIDDEN;
    }
}
