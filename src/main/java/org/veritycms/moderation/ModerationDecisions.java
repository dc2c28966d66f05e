package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.veritycms.comment.Comment;
import org.veritycms.comment.CommentRepository;
import org.veritycms.comment.CommentStatus;
import org.veritycms.page.PageChanged;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * A moderator's decisions: approve, reject with a reason code, mark as spam, restore; on one
 * comment or many. Each is logged, a rejected author who gave an address is told why, and the
 * page is refreshed whenever what readers see changes.
 */
@ApplicationScoped
public class ModerationDecisions {

    /** What a moderator can decide. */
    public enum Decision {
        APPROVE(ModerationAction.APPROVED), REJECT(ModerationAction.REJECTED), SPAM(ModerationAction.MARKED_SPAM),
        RESTORE(ModerationAction.RESTORED);

        private final ModerationAction action;

        Decision(ModerationAction action) {
            this.action = action;
        }

        public static Optional<Decision> fromCode(String code) {
            try {
                return code == null ? Optional.empty() : Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** What became of one comment: its status now, or why the decision did not apply. */
    public record Decided(long commentId, boolean applied, String status, String problem) {
    }

    /** One decision on one comment; a decision its status does not allow is a conflict (409). */
    private final CommentRepository comments;
    private final ModerationLog log;
    private final ModerationNotices notices;
    private final Event<PageChanged> changes;
    private final Clock clock;

    @Inject
    public ModerationDecisions(CommentRepository comments, ModerationLog log, ModerationNotices notices,
            Event<PageChanged> changes, Clock clock) {
        this.comments = comments;
        this.log = log;
        this.notices = notices;
        this.changes = changes;
        this.clock = clock;
    }

    protected ModerationDecisions() {
        this(null, null, null, null, null);
    }

    @Transactional
    public Decided decide(long commentId, Decision decision, String moderator, String reasonCode, String note) {
        requireNoteFits(note);
        RejectionReason reason = reasonFor(decision, reasonCode);
        Comment comment = comments.findForUpdate(commentId)
                .orElseThrow(() -> ProblemException.notFound("There is no comment " + commentId + "."));
        apply(comment, decision, moderator, reason, note, clock.instant());
        return new Decided(commentId, true, comment.status().name(), null);
    }

    /** The same decision on many comments; those whose status does not allow it are left alone and reported. */
    @Transactional
    public List<Decided> decideAll(List<Long> commentIds, Decision decision, String moderator, String reasonCode,
            String note) {
        requireNoteFits(note);
        RejectionReason reason = reasonFor(decision, reasonCode);
        Instant now = clock.instant();
        List<Decided> results = new ArrayList<>();
        // locked in id order, so two moderators' bulk actions cannot deadlock
        TreeSet<Long> ids = commentIds.stream().filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        for (long id : ids) {
            Optional<Comment> found = comments.findForUpdate(id);
            if (found.isEmpty()) {
                results.add(new Decided(id, false, null, "There is no comment " + id + "."));
                continue;
            }
            try {
                apply(found.get(), decision, moderator, reason, note, now);
                results.add(new Decided(id, true, found.get().status().name(), null));
            } catch (ProblemException e) {
                results.add(new Decided(id, false, found.get().status().name(), e.problem().detail()));
            }
        }
        return results;
    }

    private void apply(Comment comment, Decision decision, String moderator, RejectionReason reason, String note,
            Instant now) {
        CommentStatus before = comment.status();
        switch (decision) {
            case APPROVE -> comment.approve(moderator, now);
            case REJECT -> comment.reject(moderator, reason.code(), now);
            case SPAM -> comment.markSpam(moderator, now);
            case RESTORE -> comment.restore(moderator, now);
        }
        log.append(comment, decision.action, moderator, before, reason == null ? null : reason.code(), note);
        if (decision == Decision.REJECT) {
            notices.tellAuthorOfRejection(comment, reason);
        }
        if (before == CommentStatus.PUBLISHED || comment.status() == CommentStatus.PUBLISHED) {
            changes.fire(PageChanged.comments(comment.page().slug()));
        }
    }

    /** A note is kept in the log with the decision, up to {@link ModerationLog#MAX_NOTE} characters. */
    private static void requireNoteFits(String note) {
        if (note != null && note.length() > ModerationLog.MAX_NOTE) {
            throw ProblemException.invalid("Keep the note to " + ModerationLog.MAX_NOTE + " characters.",
                    List.of(new Problem.FieldError("note", "must be at most " + ModerationLog.MAX_NOTE + " characters")));
        }
    }

    private static RejectionReason reasonFor(Decision decision, String reasonCode) {
        if (decision != Decision.REJECT) {
            return null;
        }
        return RejectionReason.fromCode(reasonCode).orElseThrow(() -> ProblemException.invalid("A rejection needs a reason.",
                List.of(new Problem.FieldError("reason", "Choose a reason: " + String.join(", ",
                        java.util.Arrays.stream(RejectionReason.values()).map(RejectionReason::code).toList()) + "."))));
    }
}
