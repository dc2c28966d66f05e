package org.veritycms.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.editorial.EditorialReads;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.editorial.PageInput;
import org.veritycms.editorial.Transition;
import org.veritycms.media.LibraryItem;
import org.veritycms.media.MediaLibrary;
import org.veritycms.page.ChangeStatus;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.MediaKind;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewState;
import org.veritycms.page.RiskTier;
import org.veritycms.page.TopicRepository;
import org.veritycms.page.WithdrawalReason;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.DateFormats;
import org.veritycms.theme.ThemeRenderer;

/**
 * Renders the page editor: one form holding the working revision's content (or what the editor
 * sent back, with what went wrong: a refused save keeps every word they typed), the workflow steps
 * their roles allow, and scheduling; beside it the live revision and the change waiting over it,
 * the review dates readers see and the live media with theirs.
 */
@RequestScoped
public class PageEditorView {

    /** A workflow button. */
    public record Step(String key, String label, boolean danger, boolean secondary) {
    }

    /** A value to choose and how it reads. */
    public record Choice(String value, String label) {
    }

    /** A revision of the waiting change, in words. */
    public record ChangeRow(int number, String author, String saved, String note, boolean nonClinical) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    EditorialReads reads;

    @Inject
    TopicRepository topics;

    @Inject
    Validator validator;

    @Inject
    DateFormats dates;

    @Inject
    ThemeRenderer theme;

    @Inject
    MediaLibrary library;

    /** The input, or a 400 listing every invalid field. */
    public PageInput validated(PageInput input) {
        Set<ConstraintViolation<PageInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("Some fields need attention.", violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return input;
    }

    public Response blank(PageForm form, List<Problem> problems) {
        return render(forNew(form, problems), status(problems));
    }

    private Map<String, Object> forNew(PageForm form, List<Problem> problems) {
        Map<String, Object> model = base("New page", form, problems);
        model.put("isNew", true);
        return model;
    }

    /**
     * The form again, not saved, with the library item chosen added to its media list: its kind,
     * title and address, and its alt text (images) or transcript (video and audio, the words of its
     * captions when it has no transcript). {@code slug} is null for a new page.
     */
    /** A library item in the chooser, with the media list entry a script may add without asking the server (or null). */
    public record LibraryChoice(String value, String label, String entry) {
    }

    /** Entries the page can carry for the script: none for long transcripts, or one to be read from a captions file. */
    private static final int SCRIPT_ENTRY_MAX = 4_000;

    private static String entryOf(LibraryItem item) {
        MediaKind kind = item.kind().onPage().orElse(null);
        if (kind == null || (kind != MediaKind.IMAGE && item.transcript() == null)) {
            return null;
        }
        boolean image = kind == MediaKind.IMAGE;
        String entry = PageForm.mediaEntry(kind.name(), item.title(), item.url(), image ? item.altText() : null,
                image ? null : item.transcript(), image && item.decorative());
        return entry.length() > SCRIPT_ENTRY_MAX ? null : entry;
    }

    public Response withLibraryItem(String slug, PageForm posted, Long itemId) {
        Optional<LibraryItem> item = itemId == null ? Optional.empty() : library.find(itemId)
                .filter(i -> i.kind().onPage().isPresent());
        if (item.isEmpty()) {
            Problem problem = ProblemException.invalid("Choose an item from the media library to add.",
                    List.of(new Problem.FieldError("libraryItem", "choose one of the library's images, videos or audio"))).problem();
            return slug == null ? blank(posted, List.of(problem)) : withProblem(slug, posted, problem);
        }
        LibraryItem chosen = item.get();
        boolean image = chosen.kind().onPage().get() == MediaKind.IMAGE;
        PageForm form = posted.withMedia(chosen.kind().onPage().get().name(), chosen.title(), chosen.url(),
                image ? chosen.altText() : null, image ? null : library.transcriptOf(chosen), image && chosen.decorative());
        Map<String, Object> model = slug == null ? forNew(form, List.of())
                : forPage(reads.detail(slug, frame.who()), form, List.of());
        model.put("done", "media-added");
        return render(model, Response.Status.OK);
    }

    public Response current(String slug, String done) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        Map<String, Object> model = forPage(page, PageForm.of(page), List.of());
        model.put("done", done == null ? "" : done);
        return render(model, Response.Status.OK);
    }

    /** A refused action: the editor's own text comes back with the reason. */
    public Response withProblem(String slug, PageForm posted, Problem problem) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        boolean stale = problem.type().equals("stale-version");
        Map<String, Object> model = forPage(page, stale ? posted.atVersion(page.version()) : posted, List.of(problem));
        model.put("stale", stale);
        return render(model, Response.Status.fromStatusCode(problem.status()));
    }

    private Map<String, Object> forPage(EditorialViews.PageDetail page, PageForm form, List<Problem> problems) {
        SignedIn who = frame.who();
        Map<String, Object> model = base(page.title(), form, problems);
        model.put("isNew", false);
        model.put("page", page);
        model.put("statusLabel", PageStatus.valueOf(page.status()).label());
        model.put("changeLabel", ChangeStatus.valueOf(page.change()).label());
        model.put("reviewStateLabel", ReviewState.valueOf(page.reviewState()).label());
        model.put("live", page.liveRevision() != null && (page.status().equals("PUBLISHED")
                || "REVIEW_OVERDUE".equals(page.withdrawalReason())));
        List<Transition> offered = page.steps().stream().map(Transition::parse).toList();
        model.put("steps", offered.stream().filter(t -> t != Transition.APPROVE)
                .map(t -> new Step(t.key(), t.label(), t == Transition.WITHDRAW || t == Transition.ARCHIVE
                        || t == Transition.DISCARD, t == Transition.RETURN || t == Transition.REOPEN)).toList());
        model.put("canApprove", offered.contains(Transition.APPROVE));
        model.put("canPublish", offered.contains(Transition.PUBLISH) && page.liveRevision() == null);
        model.put("canWithdraw", offered.contains(Transition.WITHDRAW));
        model.put("canSignOff", page.liveRevision() != null && who.hasAny(Role.CLINICAL_REVIEWER, Role.EDITOR));
        model.put("changeRows", page.pendingChange().stream().map(r -> new ChangeRow(r.number(), r.author(),
                frame.when(r.createdAt()), r.changeNote(), r.nonClinical())).toList());
        model.put("updated", frame.when(page.updatedAt()));
        model.put("lastReviewed", page.lastReviewed() == null ? "" : dates.format(page.lastReviewed()));
        model.put("nextReviewDue", dates.format(page.nextReviewDue()));
        model.put("effectiveDue", dates.format(page.effectiveReviewDue()));
        model.put("approvedOn", page.approval() == null ? "" : dates.format(page.approval().reviewedOn()));
        model.put("approvalNextDue", page.approval() == null ? "" : dates.format(page.approval().nextReviewDue()));
        model.put("publishAt", local(page.publishAt()));
        model.put("expireAt", local(page.expireAt()));
        model.put("canSchedule", who.has(Role.EDITOR));
        model.put("canEdit", who.hasAny(Role.AUTHOR, Role.EDITOR) && !page.status().equals("ARCHIVED")
                && !(page.status().equals("WITHDRAWN") && !"REVIEW_OVERDUE".equals(page.withdrawalReason())));
        model.put("canDeclareNonClinical", who.has(Role.EDITOR) && Boolean.TRUE.equals(model.get("live")));
        model.put("mediaRows", page.media().stream().map(m -> Map.of("title", m.title(), "kind", m.kind(),
                "revision", m.revision(), "lastReviewed", m.lastReviewed() == null ? "" : dates.format(m.lastReviewed()),
                "nextReviewDue", dates.format(m.nextReviewDue()),
                "state", ReviewState.valueOf(m.reviewState()).label())).toList());
        return model;
    }

    private Map<String, Object> base(String title, PageForm form, List<Problem> problems) {
        Map<String, Object> model = frame.model(title, "/admin/pages");
        model.put("form", form);
        model.put("problems", problems);
        List<Problem.FieldError> fieldErrors = new ArrayList<>();
        problems.forEach(p -> fieldErrors.addAll(p.fieldErrors()));
        model.put("fieldErrors", fieldErrors);
        model.put("topics", topics.findAll().stream().map(t -> new Choice(t.slug(), t.title())).toList());
        model.put("tiers", List.of(RiskTier.values()).stream().map(t -> new Choice(t.name(), label(t.name()))).toList());
        model.put("policies", List.of(CommentPolicy.values()).stream().map(c -> new Choice(c.name(), label(c.name()))).toList());
        model.put("mediaKinds", List.of(MediaKind.values()).stream().map(Enum::name).toList());
        model.put("library", library.forPages().stream().map(i -> new LibraryChoice(Long.toString(i.id()),
                i.title() + " (" + label(i.kind().name()) + ")", entryOf(i))).toList());
        model.put("reasons", List.of(WithdrawalReason.EDITORIAL, WithdrawalReason.SAFETY).stream()
                .map(r -> new Choice(r.name(), label(r.name()))).toList());
        model.put("done", "");
        model.put("stale", false);
        return model;
    }

    static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Response.Status status(List<Problem> problems) {
        return problems.isEmpty() ? Response.Status.OK : Response.Status.fromStatusCode(problems.get(0).status());
    }

    private String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, frame.zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private Response render(Map<String, Object> model, Response.Status status) {
        return Response.status(status).entity(theme.render("admin/page-edit.ftlh", model))
                .type("text/html;charset=UTF-8").header("Cache-Control", "no-store").build();
    }
}
