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
import java.util.Set;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.editorial.EditorialReads;
import org.veritycms.editorial.EditorialViews;
import org.veritycms.editorial.PageInput;
import org.veritycms.editorial.Transition;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.MediaKind;
import org.veritycms.page.RiskTier;
import org.veritycms.page.TopicRepository;
import org.veritycms.page.ReviewKind;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.ThemeRenderer;

/**
 * Renders the page editor: the page's current values, or what the editor sent back with what
 * went wrong (a refused save keeps every word they typed), the preview, the workflow buttons
 * their roles allow, scheduling, media with their review dates, and the review sign-off form.
 */
@RequestScoped
public class EditorPage {

    /** A workflow button. */
    public record Step(String key, String label) {
    }

    @Inject
    AdminFrame frame;

    @Inject
    EditorialReads reads;

    @Inject
    TopicRepository topics;

    @Inject
    AccountRepository accounts;

    @Inject
    Validator validator;

    @Inject
    ThemeRenderer theme;

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

    public Response blank(PageForm form, List<Problem> problems, Response.Status status) {
        Map<String, Object> model = base("New page", form, problems);
        model.put("isNew", true);
        model.put("topics", topics.findAll().stream().map(t -> t.slug()).toList());
        return render(model, status);
    }

    public Response blankWithPreview(PageForm form) {
        Map<String, Object> model = base("New page", form, List.of());
        model.put("isNew", true);
        model.put("topics", topics.findAll().stream().map(t -> t.slug()).toList());
        model.put("preview", reads.preview(form.body()));
        return render(model, Response.Status.OK);
    }

    public Response current(String slug, String done) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        Map<String, Object> model = forPage(page, PageForm.of(page), List.of());
        model.put("done", done == null ? "" : done);
        return render(model, Response.Status.OK);
    }

    public Response withPreview(String slug, PageForm posted) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        Map<String, Object> model = forPage(page, posted, List.of());
        model.put("preview", reads.preview(posted.body()));
        return render(model, Response.Status.OK);
    }

    /** A refused save: the editor's own text comes back with the reason. */
    public Response withProblem(String slug, PageForm posted, Problem problem) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        PageForm form = posted;
        if (problem.type().equals("stale-version")) {
            form = new PageForm(posted.slug(), posted.topic(), posted.title(), posted.summary(), posted.tier(), posted.owner(),
                    posted.comments(), posted.related(), posted.body(), posted.evidence(), posted.media(),
                    Long.toString(page.version()), posted.changeNote());
        }
        Map<String, Object> model = forPage(page, form, List.of(problem));
        model.put("stale", problem.type().equals("stale-version"));
        return render(model, Response.Status.fromStatusCode(problem.status()));
    }

    /** The current page with a notice about an action that was refused. */
    public Response withNotice(String slug, Problem problem) {
        EditorialViews.PageDetail page = reads.detail(slug, frame.who());
        return render(forPage(page, PageForm.of(page), List.of(problem)), Response.Status.fromStatusCode(problem.status()));
    }

    private Map<String, Object> forPage(EditorialViews.PageDetail page, PageForm form, List<Problem> problems) {
        SignedIn who = frame.who();
        Map<String, Object> model = base(page.title(), form, problems);
        model.put("isNew", false);
        model.put("page", page);
        model.put("steps", page.steps().stream().map(Transition::parse)
                .map(t -> new Step(t.key(), t.label())).toList());
        model.put("updated", frame.when(page.updatedAt()));
        model.put("publishAt", local(page.publishAt()));
        model.put("expireAt", local(page.expireAt()));
        model.put("canSchedule", who.has(Role.EDITOR));
        model.put("canReview", who.hasAny(Role.CLINICAL_REVIEWER, Role.EDITOR));
        List<String> kinds = new ArrayList<>();
        if (who.has(Role.CLINICAL_REVIEWER)) {
            kinds.add(ReviewKind.FULL.name());
            kinds.add(ReviewKind.NO_CHANGE.name());
        }
        kinds.add(ReviewKind.PARTIAL.name());
        model.put("reviewKinds", kinds);
        String registration = accounts.findById(who.accountId()).map(a -> a.registrationNumber()).orElse(null);
        model.put("registration", registration == null ? "" : registration);
        model.put("canEdit", who.hasAny(Role.AUTHOR, Role.EDITOR));
        return model;
    }

    private Map<String, Object> base(String title, PageForm form, List<Problem> problems) {
        Map<String, Object> model = frame.model(title, "/admin/pages");
        model.put("form", form);
        model.put("problems", problems);
        List<Problem.FieldError> fieldErrors = new ArrayList<>();
        problems.forEach(p -> fieldErrors.addAll(p.fieldErrors()));
        model.put("fieldErrors", fieldErrors);
        model.put("tiers", List.of(RiskTier.values()).stream().map(Enum::name).toList());
        model.put("policies", List.of(CommentPolicy.values()).stream().map(Enum::name).toList());
        model.put("mediaKinds", List.of(MediaKind.values()).stream().map(Enum::name).toList());
        model.put("preview", "");
        model.put("done", "");
        model.put("stale", false);
        return model;
    }

    private String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, frame.zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private Response render(Map<String, Object> model, Response.Status status) {
        return Response.status(status).entity(theme.render("admin/page-edit.ftlh", model))
                .type("text/html;charset=UTF-8").header("Cache-Control", "no-store").build();
    }
}
