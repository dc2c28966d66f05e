package org.veritycms.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.PageCatalogue;
import org.veritycms.page.PageChanged;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageRevision;
import org.veritycms.page.PageSource;
import org.veritycms.page.PageStatus;
import org.veritycms.page.Reviewer;
import org.veritycms.page.WithdrawalReason;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;
import org.veritycms.page.TopicRepository;

/** Published pages for in-container tests, each with a slug no other test or run uses. */
@ApplicationScoped
public class TestPages {

    /** A page's address parts. */
    public record TestPage(String topic, String slug) {
        public String url() {
            return "/" + topic + "/" + slug;
        }

        public String commentsUrl() {
            return url() + "/comments";
        }
    }

    static final String TOPIC = "comment-tests";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

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

    /** A new published page with the given comment policy. */
    @Transactional
    public TestPage publish(CommentPolicy policy) {
        Topic topic = topics.findBySlug(TOPIC).orElseGet(() -> {
            Topic created = new Topic(new Slug(TOPIC), "Comment tests", "Pages made by tests", RiskTier.STANDARD, 99);
            topics.add(created);
            return created;
        });
        String slug = "page-" + RUN + "-" + SEQUENCE.incrementAndGet();
        LocalDate today = LocalDate.now(clock);
        catalogue.importNew(new Slug(slug), topic, new PageSource("Test page " + slug, "A page for comment tests.",
                        "Some advice.\n\n## When to get help\n\nCall 111.\n", RiskTier.STANDARD, "tests", policy, List.of(),
                        List.of(), List.of()),
                new PageCatalogue.ImportedReview(new ReviewDates(today.minusMonths(1), today.plusYears(1)),
                        new Reviewer("Dr Test", "Physiotherapist"), Map.of()),
                PageStatus.PUBLISHED, PageRevision.Authorship.of("tests", "Created by a test"));
        return new TestPage(TOPIC, slug);
    }

    @Transactional
    public void withdraw(TestPage page) {
        pages.findBySlug(page.slug()).orElseThrow().withdrawByEditor(WithdrawalReason.EDITORIAL, "Withdrawn by a test");
    }
}
