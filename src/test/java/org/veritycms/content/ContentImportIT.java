package org.veritycms.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStatus;
import org.veritycms.search.SearchIndex;
import org.veritycms.testing.Deployments;

/** Importing content folders into the real database. */
@ExtendWith(ArquillianExtension.class)
class ContentImportIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity();
    }

    @Inject
    ContentImporter importer;

    @Inject
    ContentFolder seed;

    @Inject
    PageRepository pages;

    @Inject
    SearchIndex index;

    /** Slugs unique to this run, so the tests pass on a database that already holds earlier runs. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    static final String GOOD = """
            ---
            title: Walking after a long illness
            summary: How to build up walking again, step by step.
            lastReviewed: 2026-01-05
            nextReviewDue: 2028-01-05
            ---
            Start with five minutes.

            ## When to get help

            Call 111 if you feel faint.
            """;

    @Test
    void seedImportIsIdempotent() {
        ImportReport again = importer.importFolder(seed.root());
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertTrue(again.unchanged() >= 12, again.toString());
        assertEquals(0, again.problems().size(), again.problems().toString());
    }

    @Test
    void badFilesAreReportedByNameAndLineAndNeverStopTheOthers() throws IOException {
        Path root = folder("import-mixed");
        write(root, "pages/import-checks/walking-after-illness-a-" + RUN + ".md", GOOD);
        write(root, "pages/import-checks/broken-yaml-page-" + RUN + ".md", GOOD.replace("lastReviewed: 2026-01-05", "lastReviewed: [2026"));
        write(root, "pages/import-checks/no-help-section-" + RUN + ".md", GOOD.replace("## When to get help", "## Notes"));
        write(root, "pages/import-checks/zz-walking-after-illness-b-" + RUN + ".md", GOOD.replace("Walking after", "Walking again after"));

        ImportReport report = importer.importFolder(root);

        assertEquals(3, report.created(), report.toString());
        assertEquals(2, report.problems().size(), report.problems().toString());
        ImportReport.FileProblem yaml = report.problems().stream()
                .filter(p -> p.file().equals("pages/import-checks/broken-yaml-page-" + RUN + ".md")).findFirst().orElseThrow();
        assertTrue(yaml.line() >= 4 && yaml.line() <= 6, yaml.toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.file().equals("pages/import-checks/no-help-section-" + RUN + ".md")));
        assertEquals(PageStatus.PUBLISHED, status("walking-after-illness-a-" + RUN));
        assertEquals(PageStatus.PUBLISHED, status("zz-walking-after-illness-b-" + RUN));
        assertEquals(PageStatus.DRAFT, status("no-help-section-" + RUN), "kept as a draft, not lost");
    }

    @Test
    void aFileThatFailsInTheDatabaseIsReportedAndTheRestOfItsBatchIsSaved() throws IOException {
        Path root = folder("import-clash");
        Files.writeString(root.resolve("topics.yaml"), Files.readString(root.resolve("topics.yaml")) + """
                - slug: import-checks-two
                  title: Import checks two
                  description: A second topic for the import tests.
                  tier: LOW
                """);
        write(root, "pages/import-checks/clash-" + RUN + ".md", GOOD);
        write(root, "pages/import-checks/clash-neighbour-" + RUN + ".md", GOOD);
        write(root, "pages/import-checks-two/clash-" + RUN + ".md", GOOD);

        ImportReport report = importer.importFolder(root);

        assertEquals(2, report.created(), report.toString());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).file().endsWith("/clash-" + RUN + ".md"), report.problems().toString());
        assertTrue(report.problems().get(0).message().contains("already used"), report.problems().toString());
        assertEquals(PageStatus.PUBLISHED, status("clash-neighbour-" + RUN));
    }

    @Test
    void changedFileUpdatesThePageAsANewRevision() throws IOException {
        Path root = folder("import-update");
        write(root, "pages/import-checks/walking-with-a-stick-" + RUN + ".md", GOOD);
        assertEquals(1, importer.importFolder(root).created());
        assertEquals(1, importer.importFolder(root).unchanged(), "same file, same page");

        write(root, "pages/import-checks/walking-with-a-stick-" + RUN + ".md", GOOD.replace("five minutes", "ten minutes"));
        ImportReport report = importer.importFolder(root);
        assertEquals(1, report.updated(), report.toString());
        assertEquals(2, revisions("walking-with-a-stick-" + RUN));
        assertEquals(LocalDate.of(2028, 1, 5), nextDue("walking-with-a-stick-" + RUN));
    }

    @Test
    void anImportLeavesItsPagesToOneRebuildOfTheSearchIndexAfterwards() throws Exception {
        Path root = folder("import-index");
        write(root, "pages/import-checks/indexed-walking-" + RUN + ".md", GOOD);
        index.rebuild(); // one already running, which may read the pages before the import writes its own
        Instant before = Instant.now();
        assertEquals(1, importer.importFolder(root).created());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        SearchIndex.Status status = index.status();
        while (status.running() || status.startedAt() == null || status.startedAt().isBefore(before)
                || status.finishedAt() == null || status.finishedAt().isBefore(status.startedAt())) {
            assertTrue(System.nanoTime() < deadline, "the import started a rebuild of the index: " + status);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // the rebuild runs in the background
            status = index.status();
        }
        assertEquals(null, status.failure());
        assertEquals(pages.count(), index.documents(), "every page is in the index, the imported one included");
    }

    private Path folder(String name) throws IOException {
        Path root = Files.createTempDirectory(name);
        Files.writeString(root.resolve("topics.yaml"), """
                - slug: import-checks
                  title: Import checks
                  description: Pages written by the import tests.
                  tier: STANDARD
                """);
        return root;
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    PageStatus status(String slug) {
        return pages.findBySlug(slug).map(Page::status).orElseThrow();
    }

    int revisions(String slug) {
        return pages.revisionsOf(pages.findBySlug(slug).orElseThrow()).size();
    }

    LocalDate nextDue(String slug) {
        return pages.findBySlug(slug).orElseThrow().reviewDates().nextReviewDue();
    }
}
