package org.veritycms.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Evidence;
import org.veritycms.page.MediaKind;
import org.veritycms.page.MediaSource;
import org.veritycms.page.Page;
import org.veritycms.page.PageFixtures;
import org.veritycms.page.PageSource;
import org.veritycms.page.ReviewDates;
import org.veritycms.page.RiskTier;
import org.veritycms.page.Slug;
import org.veritycms.page.Topic;

/** Page entities for unit tests, not saved anywhere: every field a reader's view draws on is filled. */
public final class SamplePages {

    public static final Topic YOGA = new Topic(new Slug("yoga"), "Yoga", "Poses and breathing.", RiskTier.STANDARD, 1);
    public static final String BODY = "Breathe slowly while **stretching** your back.\n\n## When to get help\n\nCall 111.\n";

    private SamplePages() {
    }

    /** A page last reviewed on {@code reviewed} and last saved at {@code updated}, with a video, an image and a source. */
    public static Page page(String title, LocalDate reviewed, Instant updated) {
        PageSource source = new PageSource(title, "Slow poses for a stiff back.", BODY, RiskTier.STANDARD, "physio",
                CommentPolicy.POSTMODERATED, List.of(),
                List.of(new Evidence("Back pain guideline", "https://example.org/guideline?a=1&b=2", "NICE",
                        LocalDate.of(2025, 1, 5))),
                List.of(new MediaSource(MediaKind.VIDEO, "Cat pose", "https://media.example.org/cat.mp4", null,
                                "Kneel on all fours."),
                        new MediaSource(MediaKind.IMAGE, "Child pose", "/media/child.svg", "A person kneeling", null)));
        Page page = PageFixtures.published("gentle-yoga", YOGA, source, reviewed, reviewed.plusYears(2), updated).page();
        ReviewDates mediaDates = new ReviewDates(reviewed, reviewed.plusYears(1));
        PageFixtures.mediaDates(page, Map.of("https://media.example.org/cat.mp4", mediaDates, "/media/child.svg", mediaDates));
        return page;
    }
}
