package org.veritycms.editorial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.audit.AuditLog;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaItem;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;
import org.veritycms.page.WorkflowRefused;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.VerityClock;

/**
 * Creating, saving and moving pages through the workflow, with the role rules, the version check
 * that keeps concurrent editors from overwriting each other, and an audit entry for each action.
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
    AuditLog audit;

    @Inject
    VerityClock clock;

    @Inject
    Event<PageChanged> changes;

    /** A new draft, due for its first clinical review at once. */
    @Transactional
    public Page create(PageInput input, SignedIn who) {
        requireAny(who, "create pages", Role.AUTHOR, Role.EDITOR);
        if (input.slug() == null || input.slug().isBlank()) {
            throw invalid("slug", "is required");
        }
        if (input.topic() == null || input.topic().isBlank()) {
            throw invalid("topic", "is required");
        }
        Topic topic = topics.findBySlug(input.topic()).orElseThrow(() -> invalid("topic", "is not a topic on this site"));
        if (pages.findBySlug(input.slug()).isPresent()) {
            throw ProblemException.conflict("slug-taken", "There is already a page at '" + input.slug() + "'. Choose another slug.");
        }
        LocalDate today = clock.today();
        PageSource source = source(input, Map.of(), today);
        Page page = catalogue.create(new Slug(input.slug()), topic, source, new ReviewDates(null, today), null,
                who.username(), noteOr(input.changeNote(), "Created"));
        audit.record(who.username(), "page.create", "page", page.slug(), null, snapshot(page, 1));
        return page;
    }

    /**
     * Saves new content as a new revision, if the editor saw the current version. A stale save is
     * refused with 409 and changes nothing; the caller still holds the text that was sent.
     */
    @Transactional
    public Page save(String slug, PageInput input, SignedIn who) {
        Page page = lockedPage(slug);
        requireAny(who, "edit pages", Role.AUTHOR, Role.EDITOR);
        if (!who.has(Role.EDITOR) && page.status() != PageStatus.DRAFT && page.status() != PageStatus.IN_REVIEW) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Only an editor may change a page that is " + page.status().label().toLowerCase(java.util.Locale.ROOT) + "."));
        }
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
        Map<String, ReviewDates> mediaDates = new HashMap<>();
        for (MediaItem item : page.media()) {
            mediaDates.putIfAbsent(item.src(), item.reviewDates());
        }
        PageSource source = source(input, mediaDates, clock.today());
        int revision = pages.latestRevisionNumber(page);
        Map<String, Object> before = snapshot(page, revision);
        if (source.equals(page.toSource())) {
            return page;
        }
        try {
            catalogue.revise(page, source, who.username(), noteOr(input.changeNote(), "Edited"));
        } catch (WorkflowRefused e) {
            throw ProblemException.conflict("workflow", e.getMessage() + ".");
        }
        pages.flush();
        audit.record(who.username(), "page.save", "page", slug, before, snapshot(page, revision + 1));
        return page;
    }

    /** Takes one workflow step, if this person may; a clinical reviewer never approves their own revision. */
    @Transactional
    public Page transition(String slug, Transition step, Instant publishFrom, String note, SignedIn who) {
        Page page = lockedPage(slug);
        if (!step.mayBeTakenBy(who)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Your roles do not include the one that may " + step.label().toLowerCase(java.util.Locale.ROOT) + "."));
        }
        PageRevision latest = pages.latestRevision(page).orElseThrow();
        if (step == Transition.APPROVE && latest.author().equals(who.username())) {
            throw new ProblemException(Problem.of(403, "four-eyes", "Not allowed", "You wrote revision " + latest.number()
                    + ": another clinical reviewer must approve it."));
        }
        Map<String, Object> before = snapshot(page, latest.number());
        try {
            step.applyTo(page, clock.instant(), publishFrom);
        } catch (WorkflowRefused e) {
            throw ProblemException.conflict("workflow", e.getMessage() + ".");
        }
        Map<String, Object> after = snapshot(page, latest.number());
        if (note != null && !note.isBlank()) {
            after.put("note", note.strip());
        }
        audit.record(who.username(), "page." + step.key(), "page", slug, before, after);
        changes.fire(new PageChanged(slug));
        return page;
    }

    /** Sets or clears when an approved page goes live and when a page comes down. */
    @Transactional
    public Page schedule(String slug, Instant publishAt, Instant expireAt, SignedIn who) {
        Page page = lockedPage(slug);
        requireAny(who, "schedule pages", Role.EDITOR);
        if (publishAt != null && page.status() != PageStatus.APPROVED) {
            throw ProblemException.conflict("workflow", "Only an approved page can be given a publication time;"
                    + " this page is " + page.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        Instant now = clock.instant();
        if (expireAt != null && !expireAt.isAfter(now)) {
            throw invalid("expireAt", "must be in the future");
        }
        int revision = pages.latestRevisionNumber(page);
        Map<String, Object> before = snapshot(page, revision);
        try {
            page.schedule(publishAt, expireAt);
        } catch (WorkflowRefused e) {
            throw invalid("expireAt", "must be after the publication time");
        }
        audit.record(who.username(), "page.schedule", "page", slug, before, snapshot(page, revision));
        changes.fire(new PageChanged(slug));
        return page;
    }

    /** The values an audit entry shows for a page. */
    static Map<String, Object> snapshot(Page page, int revision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", page.status().name());
        m.put("revision", revision);
        m.put("title", page.title());
        m.put("summary", page.summary());
        m.put("tier", page.riskTier().name());
        m.put("owner", page.owner());
        m.put("comments", page.commentPolicy().name());
        m.put("contentSha256", page.contentHash());
        m.put("media", page.media().size());
        m.put("publishAt", page.publishAt() == null ? null : page.publishAt().toString());
        m.put("expireAt", page.expireAt() == null ? null : page.expireAt().toString());
        return m;
    }

    private Page lockedPage(String slug) {
        return pages.findBySlugForUpdate(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
    }

    private static PageSource source(PageInput input, Map<String, ReviewDates> keptDates, LocalDate today) {
        List<Evidence> evidence = input.evidenceOrEmpty().stream()
                .map(e -> new Evidence(e.title(), e.url(), e.publisher(), e.accessed())).toList();
        List<MediaSource> media = new java.util.ArrayList<>();
        for (int i = 0; i < input.mediaOrEmpty().size(); i++) {
            PageInput.Media m = input.mediaOrEmpty().get(i);
            ReviewDates dates = Optional.ofNullable(keptDates.get(m.src().strip())).orElse(new ReviewDates(null, today));
            try {
                media.add(new MediaSource(m.kind(), m.title().strip(), m.src().strip(), m.alt(), m.transcript(), dates));
            } catch (IllegalArgumentException e) {
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

    private static String noteOr(String note, String fallback) {
        return note == null || note.isBlank() ? fallback : note.strip();
    }

    private static void requireAny(SignedIn who, String what, Role... roles) {
        if (!who.hasAny(roles)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed", "Your roles do not allow you to " + what + "."));
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid("The " + field + " " + message + ".", List.of(new Problem.FieldError(field, message)));
    }
}
