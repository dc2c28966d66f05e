package org.veritycms.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.veritycms.page.MediaSource;
import org.veritycms.page.RiskTier;

/** The seed content in content/ parses, links up, and covers every review situation. */
class SeedContentTest {

    /** The day the seed dates were chosen against. */
    static final LocalDate SEED_DAY = LocalDate.of(2026, 11, 23);
    static final Path ROOT = Path.of("content");
    static final List<PageFile> PAGES = new ArrayList<>();
    static final Map<String, RiskTier> TOPICS = new HashMap<>();

    @BeforeAll
    static void readAll() throws IOException {
        for (TopicEntry t : TopicEntry.parseAll(Files.readString(ROOT.resolve("topics.yaml")))) {
            TOPICS.put(t.slug().value(), t.tier());
        }
        try (Stream<Path> files = Files.walk(ROOT.resolve("pages"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String topic = f.getParent().getFileName().toString();
                PAGES.add(PageFile.parse(topic, f.getFileName().toString().replace(".md", ""), Files.readString(f), TOPICS.get(topic)));
            }
        }
    }

    @Test
    void fourTopicsWithThreePagesEach() {
        assertEquals(Set.of("exercise", "yoga", "pilates", "manual-therapy"), TOPICS.keySet());
        for (String topic : TOPICS.keySet()) {
            assertTrue(PAGES.stream().filter(p -> p.topicSlug().equals(topic)).count() >= 3, topic);
        }
    }

    @Test
    void everyPageSaysWhenToGetHelpAndLinksOnlyExistingPages() {
        Set<String> slugs = new HashSet<>();
        PAGES.forEach(p -> slugs.add(p.slug().value()));
        for (PageFile p : PAGES) {
            assertTrue(p.source().hasWhenToGetHelpSection(), p.slug().value());
            assertTrue(slugs.containsAll(p.source().relatedSlugs()), p.slug() + " links " + p.source().relatedSlugs());
        }
    }

    @Test
    void atLeastFourPagesCarryMedia() {
        assertTrue(PAGES.stream().filter(p -> !p.source().media().isEmpty()).count() >= 4);
    }

    @Test
    void datesCoverEveryReviewSituation() {
        assertTrue(count(d -> d > 60) >= 1, "current");
        assertTrue(count(d -> d >= 0 && d <= 60) >= 1, "due within 60 days");
        assertTrue(count(d -> d < 0) >= 1, "overdue");
        assertTrue(count(d -> d < -30) >= 1, "more than 30 days overdue");
        assertTrue(count(d -> d < -90) >= 1, "more than 90 days overdue");
        assertTrue(PAGES.stream().anyMatch(p -> p.mediaDates().values().stream()
                .anyMatch(m -> m.nextReviewDue().isBefore(p.reviewDates().nextReviewDue()))),
                "a media item due before its page");
    }

    private long count(java.util.function.LongPredicate daysUntilDue) {
        return PAGES.stream().map(p -> ChronoUnit.DAYS.between(SEED_DAY, p.reviewDates().nextReviewDue()))
                .filter(daysUntilDue::test).count();
    }
}
