package org.veritycms.editorial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.veritycms.account.SignedIn;
import org.veritycms.page.MarkdownRenderer;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewPolicy;
import org.veritycms.page.ReviewState;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.VerityClock;

/** What editors read: the filtered page list, a page in full, its revisions and their differences. */
@ApplicationScoped
public class EditorialReads {

    /** The list's filter as people give it: any part may be blank; {@code sort} is a column, "-" first for descending. */
    public record Filter(String topic, String status, String review, String owner, String title, String sort) {
        public Filter(String topic, String status, String review, String owner) {
            this(topic, status, review, owner, null, null);
        }
    }

    @Inject
    PageRepository pages;

    @Inject
    ReviewPolicy policy;

    @Inject
    VerityClock clock;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    PageCatalogue catalogue;

    @Transactional
    public List<EditorialViews.PageRow> list(Filter filter, int offset, int limit) {
        LocalDate today = clock.today();
        PageStatus status = parse(PageStatus.class, filter.status(), "status");
        ReviewState review = parse(ReviewState.class, filter.review(), "review");
        ReviewPolicy.DueRange due = review == null ? new ReviewPolicy.DueRange(null, null) : policy.dueRange(review, today);
        String sort = blankToNull(filter.sort());
        boolean descending = sort != null && sort.startsWith("-");
        PageRepository.EditorSort order = sort == null ? PageRepository.EditorSort.TOPIC
                : parse(PageRepository.EditorSort.class, descending ? sort.substring(1) : sort, "sort");
        String title = blankToNull(filter.title());
        if (title != null && title.length() > 200) {
            throw ProblemException.invalid("Search titles with at most 200 characters.", List.of(
                    new org.veritycms.shared.Problem.FieldError("title", "is longer than 200 characters")));
        }
        PageRepository.EditorFilter query = new PageRepository.EditorFilter(blankToNull(filter.topic()), status,
                due.from(), due.before(), blankToNull(filter.owner()), title, order, descending);
        return pages.findForEditors(query, Math.max(0, offset), Math.max(1, Math.min(limit, 500))).stream()
                .map(p -> EditorialViews.PageRow.of(p, policy, today)).toList();
    }

    public List<String> owners() {
        return pages.owners();
    }

    @Transactional
    public EditorialViews.PageDetail detail(String slug, SignedIn who) {
        Page page = page(slug);
        return EditorialViews.PageDetail.of(page, catalogue.workingSource(page), pages.pendingChange(page), who, policy,
                clock.today());
    }

    @Transactional
    public List<EditorialViews.RevisionRow> revisions(String slug) {
        return pages.revisionsOf(page(slug)).stream().map(EditorialViews.RevisionRow::of).toList();
    }

    @Transactional
    public EditorialViews.RevisionDetail revision(String slug, int number) {
        return EditorialViews.RevisionDetail.of(revisionOf(page(slug), number));
    }

    /** The difference from one revision to another (either order). */
    @Transactional
    public EditorialViews.Diff diff(String slug, int from, int to) {
        Page page = page(slug);
        PageRevision a = revisionOf(page, from);
        PageRevision b = revisionOf(page, to);
        return new EditorialViews.Diff(from, to, PageDiff.between("revision " + from, a.document(), "revision " + to,
                b.document()));
    }

    /**
     * What a sign-off of this revision covers, as a diff: from the revision last reviewed (or from
     * nothing, for a page never reviewed) to this one.
     */
    @Transactional
    public EditorialViews.Diff diffSinceReview(String slug, int to) {
        Page page = page(slug);
        PageRevision b = revisionOf(page, to);
        Integer from = page.reviewedRevision();
        String before = from == null ? "" : revisionOf(page, from).document();
        return new EditorialViews.Diff(from == null ? 0 : from, to, PageDiff.between(
                from == null ? "(never reviewed)" : "revision " + from, before, "revision " + to, b.document()));
    }

    /** The revisions a sign-off of this revision covers (since the last review), newest first. */
    @Transactional
    public List<EditorialViews.RevisionRow> changeSinceReview(String slug, int revision) {
        Page page = page(slug);
        return pages.changeSinceReview(page, revision).stream().map(EditorialViews.RevisionRow::of).toList();
    }

    /** Markdown as readers would see it (rendered and sanitised exactly as on the site). */
    public String preview(String body) {
        return markdown.toHtml(body == null ? "" : body);
    }

    /** Pages in a status, with their last author, for the dashboard's task lists. */
    @Transactional
    public List<EditorialViews.Task> waiting(PageStatus status, int limit) {
        return pages.latestChangesInStatus(status, limit).stream().map(EditorialViews.Task::of).toList();
    }

    private Page page(String slug) {
        return pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
    }

    private PageRevision revisionOf(Page page, int number) {
        return pages.revision(page, number).orElseThrow(() -> ProblemException.notFound(
                "Page '" + page.slug() + "' has no revision " + number + "."));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("Unknown " + field + " '" + value + "'.", List.of(
                    new org.veritycms.shared.Problem.FieldError(field, "must be one of "
                            + java.util.Arrays.toString(type.getEnumConstants()))));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
