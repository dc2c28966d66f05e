package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.veritycms.account.Account;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.Role;
import org.veritycms.account.SignedIn;
import org.veritycms.page.MarkdownRenderer;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageSource;
import org.veritycms.page.ReviewPolicy;
import org.veritycms.page.Slug;
import org.veritycms.page.TopicRepository;
import org.veritycms.page.WorkingCopy;
import org.veritycms.shared.ProblemException;
import org.veritycms.site.Views.Link;

/**
 * Unpublished content rendered exactly as readers would get it: the public theme, media, sources
 * and the review box it would go live with (its approval's, or the one approving it today would
 * give, or none yet), under a note saying it is a preview. For staff only; never cached.
 */
@ApplicationScoped
public class PagePreview {

    @Inject
    PageRepository pages;

    @Inject
    TopicRepository topics;

    @Inject
    PageCatalogue catalogue;

    @Inject
    AccountRepository accounts;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    SiteViews views;

    @Inject
    SiteRenderer renderer;

    @Inject
    ReviewPolicy policy;

    @Inject
    Clock clock;

    /** The page's working revision, as it would go live. */
    @Transactional
    public String workingRevision(String slug, SignedIn who, String note) {
        Page page = page(slug);
        WorkingCopy copy = catalogue.workingCopy(page);
        return render(page, copy.source(), copy.html(), box(page, copy.source(), who), note);
    }

    /** The live page as readers see it now (also when it is withdrawn, for the reviewer restoring it). */
    @Transactional
    public String live(String slug, String note) {
        Page page = page(slug);
        if (page.liveRevision() == null) {
            throw ProblemException.notFound("The page '" + slug + "' has never been published: it has no live revision.");
        }
        return render(page, page.toSource(), page.bodyHtml(), ReviewBox.of(page), note);
    }

    /** Content from the editor's form, not saved yet: for an existing page, or a new one in a topic. */
    @Transactional
    public String posted(String slug, String topicSlug, PageSource content, SignedIn who, String note) {
        Page page = pages.findBySlug(slug).orElseGet(() -> catalogue.unsaved(new Slug(slug), topics.findBySlug(topicSlug)
                .orElseThrow(() -> ProblemException.invalid("Choose the page's topic to preview it.", List.of(
                        new org.veritycms.shared.Problem.FieldError("topic", "is required")))), content));
        return render(page, content, markdown.toHtml(content.bodyMarkdown()), box(page, content, who), note);
    }

    private ReviewBox box(Page page, PageSource content, SignedIn who) {
        if (page.approval().isPresent()) {
            return ReviewBox.approvedBy(page.approval().get());
        }
        LocalDate today = LocalDate.now(clock);
        if (who.has(Role.CLINICAL_REVIEWER)) {
            Account reviewer = accounts.findById(who.accountId()).orElseThrow();
            return ReviewBox.ifApproved(today, policy.nextDueAfterReview(content.tier(), today), reviewer.displayName(),
                    reviewer.profession());
        }
        return ReviewBox.none(today);
    }

    private String render(Page page, PageSource content, String html, ReviewBox box, String note) {
        Instant now = clock.instant();
        Views.PageView view = views.preview(page, content, html, box, pages.findVisibleBySlugs(content.relatedSlugs(), now),
                note);
        return renderer.render("page.ftlh", content.title(), List.of(view.topic(), new Link(content.title(), view.url())),
                Map.of("page", view));
    }

    private Page page(String slug) {
        return pages.findForView(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
    }
}
