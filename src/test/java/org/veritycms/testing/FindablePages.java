package org.veritycms.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewKind;
import org.veritycms.page.ReviewRecord;
import org.veritycms.page.WithdrawalReason;
import org.veritycms.page.WorkingCopy;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.Reviewer;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;

/** Published pages with words of a test's choosing, in a topic of their own, and the changes tests make to them. */
@ApplicationScoped
public class FindablePages {

    public static final String TOPIC = "finding-tests";

    @Inject
    TopicRepository topics;

    @Inject
    PageCatalogue catalogue;

    @Inject
    PageRepository pages;

    @Inject
    Event<PageChanged> changes;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "verity")
    EntityManager em;

    /** A published page in the test topic whose body says {@code words}, last reviewed on the given day. */
    @Transactional
    public void publish(String slug, String title, String words, LocalDate lastReviewed) {
        publishIn(TOPIC, slug, title, words, lastReviewed);
    }

    @Transactional
    public void publishIn(String topicSlug, String slug, String title, String words, LocalDate lastReviewed) {
        catalogue.importNew(new Slug(slug), topic(topicSlug), source(title, words),
                new PageCatalogue.ImportedReview(new ReviewDates(lastReviewed, lastReviewed.plusYears(2)),
                        new Reviewer("Dr Test", "Physiotherapist"), Map.of()),
                PageStatus.PUBLISHED, PageRevision.Authorship.of("tests", "Created by a test"));
    }

    /** A change to a live page: saved as a pending change, which readers do not see yet. */
    @Transactional
    public void proposeChange(String slug, String words, String note) {
        Page page = pages.findBySlug(slug).orElseThrow();
        catalogue.revise(page, source(page.title(), words), PageRevision.Authorship.of("tests", note));
    }

    /** The pending change (or a reopened draft) submitted, approved by a reviewer and published. */
    @Transactional
    public void approveAndPublish(String slug) {
        Page page = pages.findBySlug(slug).orElseThrow();
        WorkingCopy copy = catalogue.workingCopy(page);
        page.submitForReview(copy.source());
        LocalDate today = LocalDate.now(clock);
        ReviewRecord approval = new ReviewRecord(ReviewRecord.Subject.page(page, catalogue.revisionOf(page, copy.revision())),
                ReviewKind.FULL, new ReviewRecord.Signature("test-reviewer", "Dr Test", "Physiotherapist", "PH000"), null,
                today, today.plusYears(1), clock.instant());
        pages.addReview(approval);
        page.approve(approval);
        page.publishApproved(clock.instant(), null, copy, today);
    }

    @Transactional
    public void withdraw(String slug) {
        pages.findBySlug(slug).orElseThrow().withdrawByEditor(WithdrawalReason.EDITORIAL, "Withdrawn by a test");
    }

    /**
     * Withdraws pages with one SQL update, around the entities (as a bulk job may), announcing each
     * change as such a job must.
     */
    @Transactional
    public void withdrawInBulk(List<String> slugs) {
        em.createNativeQuery("update page set status = 'WITHDRAWN', withdrawal_reason = 'REVIEW_OVERDUE' where slug in (:s)")
                .setParameter("s", slugs).executeUpdate();
        slugs.forEach(slug -> changes.fire(new PageChanged(slug)));
    }

    /** A page an editor withdrew, reopened, approved again and published. */
    @Transactional
    public void restore(String slug) {
        Page page = pages.findBySlug(slug).orElseThrow();
        page.reopen(catalogue.workingCopy(page), clock.instant(), LocalDate.now(clock));
        approveAndPublish(slug);
    }

    @Transactional
    public Instant updatedAt(String slug) {
        return pages.findBySlug(slug).orElseThrow().updatedAt();
    }

    private Topic topic(String slug) {
        return topics.findBySlug(slug).orElseGet(() -> {
            Topic created = new Topic(new Slug(slug), "Finding tests", "Pages made by search and feed tests", RiskTier.STANDARD, 98);
            topics.add(created);
            return created;
        });
    }

    private static PageSource source(String title, String words) {
        return new PageSource(title, "A page for finding tests.", "Advice about " + words + ".\n\n## When to get help\n\nCall 111.\n",
                RiskTier.STANDARD, "tests", CommentPolicy.CLOSED, List.of(), List.of(), List.of());
    }
}
