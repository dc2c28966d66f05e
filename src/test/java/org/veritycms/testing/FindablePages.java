package org.veritycms.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageSource;
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

    /** A published page in the test topic whose body says {@code words}, last reviewed on the given day. */
    @Transactional
    public void publish(String slug, String title, String words, LocalDate lastReviewed) {
        publishIn(TOPIC, slug, title, words, lastReviewed);
    }

    @Transactional
    public void publishIn(String topicSlug, String slug, String title, String words, LocalDate lastReviewed) {
        Page page = catalogue.create(new Slug(slug), topic(topicSlug), source(title, words),
                new ReviewDates(lastReviewed, lastReviewed.plusYears(2)), new Reviewer("Dr Test", "Physiotherapist"),
                "tests", "Created by a test");
        page.publish(clock.instant());
        changes.fire(new PageChanged(slug));
    }

    @Transactional
    public void revise(String slug, String words, String note) {
        Page page = pages.findBySlug(slug).orElseThrow();
        catalogue.revise(page, source(page.title(), words), "tests", note);
    }

    @Transactional
    public void withdraw(String slug) {
        pages.findBySlug(slug).orElseThrow().withdraw();
        changes.fire(new PageChanged(slug));
    }

    @Transactional
    public void restore(String slug) {
        pages.findBySlug(slug).orElseThrow().restore();
        changes.fire(new PageChanged(slug));
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
