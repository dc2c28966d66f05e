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
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaKind;
import org.veritycms.page.MediaSource;
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
    /** Topics of pages a rich page links to: guidance links across topics. */
    static final List<String> RELATED_TOPICS = List.of("related-tests-one", "related-tests-two");
    static final String RICH_VIDEO = "https://media.example.org/tests/knee-rolls-and-bridges.mp4";
    static final String RICH_IMAGE = "/media/cat-cow.svg";
    static final String RICH_BODY = """
            Gentle movement helps most back pain settle. Try these two exercises once or twice a day.

            ## Knee rolls

            1. Lie on your back with your knees bent and your feet flat on the floor.
            2. Let your knees roll slowly to one side, then to the other.

            ## Bridges

            Squeeze your buttocks and lift your hips until your body is in a **straight line**, then lower them.

            ## When to get help

            Call 111 if the pain spreads down your leg, or stop and rest if an exercise hurts.
            """;
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

    /** A new published page with the given comment policy: text only, no media, sources or related pages. */
    @Transactional
    public TestPage publish(CommentPolicy policy) {
        return publishIn(TOPIC, policy);
    }

    /** As {@link #publish}, in the given topic, which is made if it does not exist yet. */
    @Transactional
    public TestPage publishIn(String topicSlug, CommentPolicy policy) {
        String slug = "page-" + RUN + "-" + SEQUENCE.incrementAndGet();
        LocalDate today = LocalDate.now(clock);
        catalogue.importNew(new Slug(slug), topic(topicSlug), new PageSource("Test page " + slug, "A page for comment tests.",
                        "Some advice.\n\n## When to get help\n\nCall 111.\n", RiskTier.STANDARD, "tests", policy, List.of(),
                        List.of(), List.of()),
                new PageCatalogue.ImportedReview(new ReviewDates(today.minusMonths(1), today.plusYears(1)),
                        new Reviewer("Dr Test", "Physiotherapist"), Map.of()),
                PageStatus.PUBLISHED, PageRevision.Authorship.of("tests", "Created by a test"));
        return new TestPage(topicSlug, slug);
    }

    /**
     * A new published page as full as guidance gets, open to comments (post-moderated): a video
     * with a transcript and an image, both due for review before the page, the video first (so
     * the video's date is the page's effective one); three sources; and three related pages, two
     * of them in other topics. All its dates are months from today by the clock, so it is
     * current, with no public notice. It is about back pain, so a search for "back" finds it.
     */
    @Transactional
    public TestPage publishRich() {
        List<String> related = List.of(publish(CommentPolicy.CLOSED).slug(),
                publishIn(RELATED_TOPICS.get(0), CommentPolicy.CLOSED).slug(),
                publishIn(RELATED_TOPICS.get(1), CommentPolicy.CLOSED).slug());
        String slug = "rich-" + RUN + "-" + SEQUENCE.incrementAndGet();
        LocalDate today = LocalDate.now(clock);
        LocalDate reviewed = today.minusMonths(1);
        PageSource source = new PageSource("Knee rolls and bridges for back pain " + slug,
                "Two gentle floor exercises that can ease a stiff back, with a video and a picture.", RICH_BODY,
                RiskTier.STANDARD, "tests", CommentPolicy.POSTMODERATED, related,
                List.of(new Evidence("Low back pain and sciatica in over 16s", "https://www.nice.org.uk/guidance/ng59",
                                "National Institute for Health and Care Excellence", reviewed),
                        new Evidence("Exercise therapy for chronic low back pain",
                                "https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD009790.pub2/full", "Cochrane", reviewed),
                        new Evidence("Back pain", "https://www.nhs.uk/conditions/back-pain/", "NHS", reviewed)),
                List.of(new MediaSource(MediaKind.VIDEO, "Knee rolls and bridges, step by step", RICH_VIDEO, null,
                                "Lie on your back with your knees bent. Roll your knees slowly to one side, then the other."),
                        new MediaSource(MediaKind.IMAGE, "Cat and cow position", RICH_IMAGE,
                                "A person on hands and knees, back rounded up, then dipped towards the floor.", null)));
        catalogue.importNew(new Slug(slug), topic(TOPIC), source,
                new PageCatalogue.ImportedReview(new ReviewDates(reviewed, today.plusYears(1)),
                        new Reviewer("Dr Test", "Physiotherapist"),
                        Map.of(RICH_VIDEO, new ReviewDates(reviewed, today.plusMonths(6)),
                                RICH_IMAGE, new ReviewDates(reviewed, today.plusMonths(9)))),
                PageStatus.PUBLISHED, PageRevision.Authorship.of("tests", "Created by a test"));
        return new TestPage(TOPIC, slug);
    }

    /** A new published page whose one media item is the given one, reviewed a month ago and due in six months. */
    @Transactional
    public TestPage publishWithMedia(MediaSource media) {
        String slug = "media-" + RUN + "-" + SEQUENCE.incrementAndGet();
        LocalDate today = LocalDate.now(clock);
        catalogue.importNew(new Slug(slug), topic(TOPIC), new PageSource("Page with media " + slug, "A page for media tests.",
                        "Some advice.\n\n## When to get help\n\nCall 111.\n", RiskTier.STANDARD, "tests", CommentPolicy.CLOSED,
                        List.of(), List.of(), List.of(media)),
                new PageCatalogue.ImportedReview(new ReviewDates(today.minusMonths(1), today.plusYears(1)),
                        new Reviewer("Dr Test", "Physiotherapist"),
                        Map.of(media.src(), new ReviewDates(today.minusMonths(1), today.plusMonths(6)))),
                PageStatus.PUBLISHED, PageRevision.Authorship.of("tests", "Created by a test"));
        return new TestPage(TOPIC, slug);
    }

    @Transactional
    public void withdraw(TestPage page) {
        pages.findBySlug(page.slug()).orElseThrow().withdrawByEditor(WithdrawalReason.EDITORIAL, "Withdrawn by a test");
    }

    /** The topic, made if it does not exist yet, titled after its slug ("comment-tests" is "Comment tests"). */
    private Topic topic(String slug) {
        return topics.findBySlug(slug).orElseGet(() -> {
            String title = Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
            Topic created = new Topic(new Slug(slug), title, "Pages made by tests", RiskTier.STANDARD, 99);
            topics.add(created);
            return created;
        });
    }
}
