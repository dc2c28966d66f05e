package org.veritycms.editorial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewRecord;
import org.veritycms.page.Slug;
import org.veritycms.page.StaleRevision;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.page.WithdrawalReason;
import org.veritycms.page.WorkflowRefused;
import org.veritycms.review.ReviewSignOff;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.VerityClock;

/**
 * Creating, saving and moving pages through the workflow, with the role rules, the version check
 * that keeps concurrent editors from overwriting each other, and an audit entry for each action.
 * An edit to a live page is a pending change; approving is a clinical sign-off of the exact
 * revision approved; publishing puts that revision live with the dates of its sign-off.
 */
@ApplicationScoped
public class PageEditor {

    @Inject
    PageRepository pages;

    @Inject
    TopicRepository topics;

    @Inject
    PageCatalogue catalogue;

    @Inject
    ReviewSignOff signOff;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    VerityClock clock;

    /** A new draft; its first clinical approval sets its review dates. */
    @Transactional
    public Page create(PageInput input, SignedIn who) {
        requireAny(who, "create pages", Role.AUTHOR, Role.EDITOR);
        if (input.slug() == null || input.slug().isBlank()) {
            throw invalid("slug", "is required");
        }
        if (input.topic() == null || input.topic().isBlank()) {
            throw invalid("topic", "is required");
        }
        if (input.declaredNonClinical()) {
            throw invalid("nonClinical", "applies only to a change to a live page");
        }
        Topic topic = topics.findBySlug(input.topic()).orElseThrow(() -> invalid("topic", "is not a topic on this site"));
        if (pages.findBySlug(input.slug()).isPresent()) {
            throw ProblemException.conflict("slug-taken", "There is already a page at '" + input.slug() + "'. Choose another slug.");
        }
        PageSource source = EditorialInput.source(input, input.slug());
        Page page = catalogue.create(new Slug(input.slug()), topic, source,
                authorship(who, input.changeNote() == null || input.changeNote().isBlank() ? "Created" : input.changeNote(), false));
        audit.record(who.username(), "page.create", "page", page.slug(), null, snapshot(page));
        return page;
    }

    /**
     * Saves new content as a new revision, if the editor saw the current version. A stale save is
     * refused with 409 and changes nothing; the caller still holds the text that was sent. On a
     * live page the revision is a pending change: readers keep the live revision.
     */
    @Transactional
    public Page save(String slug, PageInput input, SignedIn who) {
        Page page = lockedPage(slug);
        requireAny(who, "edit pages", Role.AUTHOR, Role.EDITOR);
        requireOwnDraft(page, who, "edit");
        if (input.version() == null) {
            throw invalid("version", "is required: send the version you edited");
        }
        if (input.version() != page.version()) {
            PageRevision latest = pages.latestRevision(page).orElseThrow();
            throw ProblemException.conflict("stale-version", "Someone else saved this page after you opened it: "
                    + latest.author() + " saved revision " + latest.number() + " (version " + page.version()
                    + ", yours was " + input.version() + "). Nothing was overwritten; compare your text with the"
                    + " current page, then save again.");
        }
        if (input.declaredNonClinical()) {
            if (!who.has(Role.EDITOR)) {
                throw forbidden("Only an editor may declare a change non-clinical.");
            }
            if (!page.hasLiveContent()) {
                throw invalid("nonClinical", "applies only to a change to a live page");
            }
            if (input.changeNote() == null || input.changeNote().isBlank()) {
                throw invalid("changeNote", "is required for a non-clinical change: say what was corrected");
            }
        }
        PageSource source = EditorialInput.source(input, slug);
        if (source.equals(catalogue.workingSource(page))) {
            return page;
        }
        Map<String, Object> before = snapshot(page);
        try {
            catalogue.revise(page, source, authorship(who, input.changeNote() == null || input.changeNote().isBlank()
                    ? "Edited" : input.changeNote(), input.declaredNonClinical()));
        } catch (WorkflowRefused e) {
            throw ProblemException.conflict("workflow", e.getMessage() + ".");
        }
        pages.flush();
        Map<String, Object> after = snapshot(page);
        if (input.declaredNonClinical()) {
            after.put("nonClinical", true);
        }
        audit.record(who.username(), page.hasLiveContent() ? "page.change" : "page.save", "page", slug, before, after);
        return page;
    }

    /** Content an editor sent, checked as a save would check it, with what would stop it going live. */
    public record Checked(PageSource source, List<String> warnings) {
    }

    /** Checks content for a preview: a 400 for what a save would refuse, warnings for what publishing would. */
    public Checked check(PageInput input, String slug) {
        PageSource source = EditorialInput.source(input, slug);
        List<String> warnings = new java.util.ArrayList<>();
        if (!source.hasWhenToGetHelpSection()) {
            warnings.add("The page has no '## When to get help' section: it cannot be submitted for review or published.");
        }
        return new Checked(source, warnings);
    }

    /** Whether what an editor sent differs from the page's working revision (unsaved changes). */
    @Transactional
    public boolean differsFromWorkingCopy(String slug, PageInput input) {
        Page page = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        return !EditorialInput.source(input, slug).equals(catalogue.workingSource(page));
    }

    /** Takes one workflow step, if this person may, on the revision they name. */
    @Transactional
    public Page transition(String slug, StepInput input, SignedIn who) {
        Page page = lockedPage(slug);
        Transition step = input.step();
        if (!step.mayBeTakenBy(who)) {
            throw forbidden("Your roles do not include the one that may " + step.label().toLowerCase(Locale.ROOT) + ".");
        }
        if (step.namesRevision() && input.revision() == null) {
            throw invalid("revision", "is required: the number of the revision you read");
        }
        if (input.revision() != null && input.revision() != page.workingRevision()) {
            throw ProblemException.conflict("stale-revision",
                    new StaleRevision(input.revision(), page.workingRevision()).getMessage() + ".");
        }
        if (step == Transition.SUBMIT || step == Transition.DISCARD) {
            requireOwnDraft(page, who, step == Transition.SUBMIT ? "submit" : "discard");
        }
        Map<String, Object> before = snapshot(page);
        Map<String, Object> extra = new LinkedHashMap<>();
        try {
            take(page, step, input, who, extra);
        } catch (StaleRevision e) {
            throw ProblemException.conflict("stale-revision", e.getMessage() + ".");
        } catch (WorkflowRefused e) {
            throw ProblemException.conflict("workflow", e.getMessage() + ".");
        }
        pages.flush();
        Map<String, Object> after = snapshot(page);
        after.putAll(extra);
        if (input.note() != null && !input.note().isBlank()) {
            after.put("note", input.note().strip());
        }
        audit.record(who.username(), "page." + step.key(), "page", slug, before, after);
        return page;
    }

    private void take(Page page, Transition step, StepInput input, SignedIn who, Map<String, Object> extra) {
        Instant now = clock.instant();
        switch (step) {
            case SUBMIT -> page.submitForReview(catalogue.workingSource(page));
            case APPROVE -> {
                ReviewRecord approval = signOff.approve(page, input.revision(), input.note(), input.nextDue(),
                        accounts.findById(who.accountId()).orElseThrow());
                extra.put("review", "FULL");
                extra.put("contentSha256", approval.contentSha256());
                extra.put("nextReviewDue", approval.nextReviewDue().toString());
            }
            case RETURN -> page.returnToDraft();
            case PUBLISH -> page.publishApproved(now, input.publishAt(), catalogue.workingCopy(page), clock.today());
            case PUBLISH_CORRECTION -> {
                requireCorrection(page, who);
                page.publishCorrection(catalogue.workingCopy(page), now, clock.today());
                extra.put("nonClinical", true);
            }
            case DISCARD -> page.discardChange();
            case WITHDRAW -> {
                WithdrawalReason reason = input.reason() == null ? WithdrawalReason.EDITORIAL : input.reason();
                if (reason.liftedByReview()) {
                    throw invalid("reason", "must be EDITORIAL or SAFETY");
                }
                if (input.note() == null || input.note().isBlank()) {
                    throw invalid("note", "is required: say why the page is withdrawn");
                }
                page.withdrawByEditor(reason, input.note());
                extra.put("reason", reason.name());
            }
            case ARCHIVE -> page.archiveByEditor();
            case REOPEN -> page.reopen(catalogue.workingCopy(page), now, clock.today());
        }
    }

    /**
     * A non-clinical correction: every revision of the change was declared non-clinical by an
     * editor, and the editor publishing it wrote none of them (a second pair of eyes).
     */
    private void requireCorrection(Page page, SignedIn who) {
        List<PageRevision> change = pages.pendingChange(page);
        if (change.isEmpty() || change.stream().anyMatch(r -> !r.nonClinical())) {
            throw ProblemException.conflict("clinical-change", "Only a change whose every revision was declared"
                    + " non-clinical may be published without clinical approval; submit it for review instead.");
        }
        if (change.stream().anyMatch(r -> r.author().equals(who.username()))) {
            throw new ProblemException(Problem.of(403, "four-eyes", "Not allowed",
                    "You wrote part of this correction: another editor must publish it."));
        }
    }

    /** Sets or clears when an approved page goes live and when a page comes down. */
    @Transactional
    public Page schedule(String slug, Instant publishAt, Instant expireAt, SignedIn who) {
        Page page = lockedPage(slug);
        requireAny(who, "schedule pages", Role.EDITOR);
        if (publishAt != null && page.status() != PageStatus.APPROVED) {
            throw ProblemException.conflict("workflow", "Only an approved page can be given a publication time;"
                    + " this page is " + page.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        Instant now = clock.instant();
        if (expireAt != null && !expireAt.isAfter(now)) {
            throw invalid("expireAt", "must be in the future");
        }
        Map<String, Object> before = snapshot(page);
        try {
            page.schedule(publishAt, expireAt);
        } catch (WorkflowRefused e) {
            throw invalid("expireAt", "must be after the publication time");
        }
        audit.record(who.username(), "page.schedule", "page", slug, before, snapshot(page));
        return page;
    }

    /**
     * An author works on their own draft only: a page never published that they created, or the
     * change waiting over a live page that they started (any author may start one). Editors
     * work on any page.
     */
    private void requireOwnDraft(Page page, SignedIn who, String what) {
        if (who.has(Role.EDITOR)) {
            return;
        }
        String startedBy;
        if (page.hasLiveContent()) {
            List<PageRevision> change = pages.pendingChange(page);
            if (change.isEmpty()) {
                return;
            }
            startedBy = change.get(change.size() - 1).author();
        } else {
            if (page.status() != PageStatus.DRAFT && page.status() != PageStatus.IN_REVIEW) {
                throw forbidden("Only an editor may " + what + " a page that is "
                        + page.status().label().toLowerCase(Locale.ROOT) + ".");
            }
            startedBy = catalogue.revisionOf(page, 1).author();
        }
        if (!startedBy.equals(who.username())) {
            throw forbidden("This draft is " + startedBy + "'s: only they or an editor may " + what + " it.");
        }
    }

    /** The values an audit entry shows for a page. */
    static Map<String, Object> snapshot(Page page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", page.status().name());
        if (page.hasPendingChange()) {
            m.put("change", page.change().name());
        }
        m.put("revision", page.workingRevision());
        m.put("liveRevision", page.liveRevision());
        m.put("reviewedRevision", page.reviewedRevision());
        m.put("title", page.title());
        m.put("tier", page.riskTier().name());
        m.put("owner", page.owner());
        m.put("comments", page.commentPolicy().name());
        m.put("media", page.media().size());
        m.put("publishAt", page.publishAt() == null ? null : page.publishAt().toString());
        m.put("expireAt", page.expireAt() == null ? null : page.expireAt().toString());
        if (page.withdrawalReason() != null) {
            m.put("withdrawalReason", page.withdrawalReason().name());
        }
        return m;
    }

    private Page lockedPage(String slug) {
        return pages.findBySlugForUpdate(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
    }

    private static PageRevision.Authorship authorship(SignedIn who, String note, boolean nonClinical) {
        return new PageRevision.Authorship(who.username(), note, nonClinical);
    }

    private static void requireAny(SignedIn who, String what, Role... roles) {
        if (!who.hasAny(roles)) {
            throw forbidden("Your roles do not allow you to " + what + ".");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed", detail));
    }

    static ProblemException invalid(String field, String message) {
        return ProblemException.invalid("The " + field + " " + message + ".", List.of(new Problem.FieldError(field, message)));
    }

    /** Turns what an editor sent into page content, naming the field that is wrong. */
    static final class EditorialInput {
        private EditorialInput() {
        }

        static PageSource source(PageInput input, String slug) {
            if (input.relatedOrEmpty().contains(slug)) {
                throw invalid("related", "cannot name the page itself");
            }
            List<Evidence> evidence = input.evidenceOrEmpty().stream()
                    .map(e -> new Evidence(e.title(), e.url(), e.publisher(), e.accessed())).toList();
            List<MediaSource> media = new java.util.ArrayList<>();
            for (int i = 0; i < input.mediaOrEmpty().size(); i++) {
                PageInput.Media m = input.mediaOrEmpty().get(i);
                try {
                    media.add(new MediaSource(m.kind(), m.title(), m.src(), m.alt(), m.transcript(), m.markedDecorative()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw invalid("media[" + i + "]", e.getMessage());
                }
            }
            try {
                return new PageSource(input.title(), input.summary(), normalise(input.body()), input.tier(), input.owner(),
                        input.comments(), input.relatedOrEmpty(), evidence, media);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(e.getMessage() + ".", List.of(new Problem.FieldError("page", e.getMessage())));
            }
        }

        /** Browsers send CRLF from text areas; the page keeps LF and ends with one newline. */
        static String normalise(String body) {
            String text = body.replace("\r\n", "\n").replace('\r', '\n');
            return text.endsWith("\n") ? text : text + "\n";
        }
    }
}
