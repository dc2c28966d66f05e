package org.veritycms.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.veritycms.testing.ServerNodes;

/**
 * A node killed ({@code kill -9}) in the middle of importing a large content folder into an empty
 * database, then started again: the import carries on where it was cut off, and every page is
 * there exactly once, whole. On the H2 pass the node has its own database file; on the PostgreSQL
 * pass, a database of its own.
 */
class ImportKilledIT {

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    static final int PAGES = 3000;
    static final Pattern FINISHED = Pattern.compile("Content import from [^:]*: (\\d+) created, (\\d+) updated, (\\d+) unchanged, (\\d+) problem");

    @Test
    void aKilledImportIsFinishedOnTheNextStartWithEveryPageOnceAndWhole() throws Exception {
        Path content = Files.createTempDirectory("verity-import-" + RUN);
        writeContent(content);
        Map<String, String> environment = new HashMap<>();
        environment.put("VERITY_CONTENT_DIR", content.toString());
        environment.put("VERITY_SCHEDULER_ENABLED", "false");
        String database = null;
        if ("postgresql".equals(System.getenv("VERITY_DB_DRIVER"))) {
            database = "verity_import_" + RUN;
            admin("create database " + database);
            environment.put("VERITY_DB_URL", System.getenv("VERITY_DB_URL").replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        }
        try (ServerNodes nodes = new ServerNodes(RUN)) {
            ServerNodes.Node first = nodes.start("import", 280, environment);
            Path log = first.base().resolve("console.log");
            awaitLog(first, log, "Content import: 1000 of " + PAGES + " page files", Duration.ofSeconds(300));
            nodes.kill(first);
            String cutOff = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(!FINISHED.matcher(cutOff).find(), "the node was killed before the import finished");

            ServerNodes.Node second = nodes.start("import", 280, environment);
            awaitLog(second, log, "Verity ready in", Duration.ofSeconds(300));
            Matcher done = FINISHED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            assertTrue(done.find(), "the second start finished the import");
            int created = Integer.parseInt(done.group(1));
            int unchanged = Integer.parseInt(done.group(3));
            assertEquals("0", done.group(4), "no file was reported as a problem");
            // H2 writes its last commits to disk with a short delay, so a kill -9 may take the newest batch or two with it
            assertTrue(unchanged >= 500, "the pages written before the kill were kept, not written again: " + unchanged);
            assertEquals(PAGES, created + unchanged, "every file accounted for once");

            String sitemap = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(second.url("/sitemap.xml"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(PAGES, Pattern.compile("/imported-" + RUN + "-\\d+</loc>").matcher(sitemap).results().count(),
                    "every page is published exactly once");
            for (int i : new int[] {1, 999, 1000, 1001, 1500, PAGES}) {
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(second.url("/exercise/imported-" + RUN + "-" + i))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), "page " + i);
                assertTrue(page.body().contains("Imported page " + i + "<") && page.body().contains("When to get help"),
                        "page " + i + " is whole");
            }
        } finally {
            if (database != null) {
                admin("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** Pages in the exercise topic, dated from today so that all are current whenever the test runs. */
    private static void writeContent(Path root) throws Exception {
        Path source = Path.of("content");
        Files.copy(source.resolve("topics.yaml"), root.resolve("topics.yaml"));
        Path pages = Files.createDirectories(root.resolve("pages/exercise"));
        LocalDate today = LocalDate.now();
        for (int i = 1; i <= PAGES; i++) {
            Files.writeString(pages.resolve("imported-" + RUN + "-" + i + ".md"), "---\ntitle: Imported page " + i + "\n"
                    + "summary: A page of the import test, number " + i + ".\nowner: physiotherapy-team\n"
                    + "lastReviewed: " + today.minusDays(30) + "\nnextReviewDue: " + today.plusYears(1) + "\n"
                    + "reviewedBy:\n  name: A Reviewer\n  profession: Physiotherapist\ncomments: CLOSED\n---\n"
                    + "Move gently and often.\n\n## When to stop\n\nStop if the pain gets worse.\n\n"
                    + "## When to get help\n\nSee a GP if the pain lasts more than six weeks.\n", StandardCharsets.UTF_8);
        }
    }

    private static void awaitLog(ServerNodes.Node node, Path log, String line, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (!(Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line))) {
            assertTrue(node.process().isAlive(), "the node stopped; see " + log);
            assertTrue(Instant.now().isBefore(end), "timed out waiting for '" + line + "' in " + log);
            Thread.sleep(200);
        }
    }

    private static void admin(String sql) throws Exception {
        String url = System.getenv("VERITY_DB_URL").replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        try (Connection c = DriverManager.getConnection(url, System.getenv("VERITY_DB_USER"), System.getenv("VERITY_DB_PASSWORD"));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
