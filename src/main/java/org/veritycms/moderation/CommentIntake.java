package org.veritycms.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.comment.Author;
import org.veritycms.comment.Comment;
import org.veritycms.comment.CommentBody;
import org.veritycms.comment.CommentRepository;
import org.veritycms.comment.CommentStatus;
import org.veritycms.comment.Commenting;
import org.veritycms.comment.FormStamps;
import org.veritycms.page.Page;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.Readability;
import org.veritycms.page.ReadablePagesRule;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * Takes in a reader's comment: checks the form, runs the screens, and publishes, holds or
 * refuses it according to their verdict and the page's policy. Nothing a reader wrote is
 * dropped: a refused comment is kept for a moderator to restore.
 */
@ApplicationScoped
public class CommentIntake {

    /** What a reader sent with the comment form. */
    public record NewComment(String topicSlug, String pageSlug, Long parentId, String name, String email, String body,
            String honeypot, String formStamp, String readerId) {
    }

    /** How the reader is told what became of their comment. */
    public enum Result { PUBLISHED, HELD, HELD_FOR_SAFEGUARDING, REFUSED }

    /** What became of a comment: for a refused one, the screens that refused it; and the page's title. */
    public record Outcome(long commentId, Result result, List<String> reasons, String pageTitle) {
    }

    static final String PREMODERATED = "premoderated";

    private final PageRepository pages;
    private final CommentRepository comments;
    private final ScreeningPipeline pipeline;
    private final FormStamps stamps;
    private final ModerationLog log;
    private final ModerationNotices notices;
    private final Event<PageChanged> changes;
    private final Clock clock;
    private final long duplicateHours;
    private final ReadablePagesRule readable;

    @Inject
    public CommentIntake(PageRepository pages, CommentRepository comments, ScreeningPipeline pipeline,
            FormStamps stamps, ModerationLog log, ModerationNotices notices, Event<PageChanged> changes, Clock clock,
            @ConfigProperty(name = "verity.comments.duplicate-hours", defaultValue = "24") long duplicateHours,
            ReadablePagesRule readable) {
        this.pages = pages;
        this.comments = comments;
        this.pipeline = pipeline;
        this.stamps = stamps;
        this.log = log;
        this.notices = notices;
        this.changes = changes;
        this.clock = clock;
        this.duplicateHours = duplicateHours;
        this.readable = readable;
    }

    protected CommentIntake() {
        this(null, null, null, null, null, null, null, null, 0, null);
    }

    @Transactional
    public Outcome submit(NewComment form) {
        validate(form);
        Instant now = clock.instant();
        Page page = pages.findBySlug(form.pageSlug()).filter(p -> p.topic().slug().equals(form.topicSlug()))
                .filter(p -> readable.of(p, now) != Readability.NOT_FOUND)
                .orElseThrow(() -> ProblemException.notFound("There is no page '" + form.pageSlug() + "'."));
        if (!Commenting.isOpen(page, readable.of(page, now))) {
            throw new ProblemException(Problem.of(409, "comments-closed", "Comments are closed",
                    "This page does not take comments."));
        }
        Comment parent = parentOf(form, page);
        Instant since = now.minus(Duration.ofHours(duplicateHours));
        Duration sinceShown = stamps.shownAt(form.formStamp()).map(shown -> Duration.between(shown, now)).orElse(null);
        Screening screening = pipeline.run(new Submission(form.name(), form.email(), form.body(), form.honeypot(),
                sinceShown, comments.fingerprintsByReader(form.readerId(), since),
                comments.fingerprintsOnPage(page.id(), since)));

        Comment comment = new Comment(page, parent, new Author(form.name(), form.email()), form.body(), form.readerId(), now);
        List<String> reasons = new ArrayList<>(screening.reasonCodes());
        Result result = switch (screening.outcome()) {
            case REJECT -> {
                comment.recordScreening(reasons, screening.notes(), false);
                comment.refuseOnArrival(now);
                yield Result.REFUSED;
            }
            case FLAG -> {
                comment.recordScreening(reasons, screening.notes(), screening.urgent());
                yield screening.urgent() ? Result.HELD_FOR_SAFEGUARDING : Result.HELD;
            }
            case PASS -> {
                if (Commenting.isPremoderated(page)) {
                    reasons.add(PREMODERATED);
                    comment.recordScreening(reasons, null, false);
                    yield Result.HELD;
                }
                comment.publishOnArrival();
                yield Result.PUBLISHED;
            }
        };
        comments.add(comment);
        log.append(comment, ModerationAction.SCREENED, "screening", null, String.join(",", reasons), screening.notes());
        if (screening.urgent()) {
            notices.alertModerators(comment, screening.notes());
        }
        if (comment.status() == CommentStatus.PUBLISHED) {
            changes.fire(PageChanged.comments(page.slug()));
        }
        return new Outcome(comment.id(), result, result == Result.REFUSED ? List.copyOf(reasons) : List.of(), page.title());
    }

    private Comment parentOf(NewComment form, Page page) {
        if (form.parentId() == null) {
            return null;
        }
        return comments.find(form.parentId())
                .filter(c -> c.page().id().equals(page.id()) && c.status() == CommentStatus.PUBLISHED)
                .orElseThrow(() -> ProblemException.invalid("Some fields are not valid.",
                        List.of(new Problem.FieldError("parent", "The comment you replied to is no longer shown."))));
    }

    private static void validate(NewComment form) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Author.nameProblem(form.name()).ifPresent(p -> errors.add(new Problem.FieldError("name", p)));
        Author.emailProblem(form.email()).ifPresent(p -> errors.add(new Problem.FieldError("email", p)));
        CommentBody.problem(form.body()).ifPresent(p -> errors.add(new Problem.FieldError("body", p)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Some fields are not valid.", errors);
        }
    }
}
