package org.veritycms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestPages;

/**
 * The shipped Varnish configuration ({@code src/main/varnish/verity.vcl}) in front of the test
 * server, for real: Debian's varnishd with its xkey module. The server purges it (the test server
 * is started with {@code verity.cache.purge-urls} naming this Varnish): a second view is a hit, a
 * published edit and a withdrawal are seen through Varnish within a second of the editor's answer,
 * and a withdrawn page is never answered 200 from the cache.
 */
@ExtendWith(ArquillianExtension.class)
class VarnishIT {

    static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    static final Duration FRESH_WITHIN = Duration.ofSeconds(1);

    static Process varnish;
    static Path work;
    static String front;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.verity(TestFixtures.class, TestAccounts.class, TestPages.class);
    }

    @BeforeAll
    static void startVarnish() throws IOException, InterruptedException {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(VARNISHD), "Varnish is not installed (.ci/run installs it)");
        }
        int port = Integer.getInteger("verity.varnish.port", 6181);
        int backend = URI.create(Http.base()).getPort();
        // readable by the unprivileged user varnishd runs its compiler and workers as when started by root
        work = Files.createTempDirectory("verity-varnish",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String vcl = Files.readString(Path.of("src/main/varnish/verity.vcl"), StandardCharsets.UTF_8)
                .replace(".port = \"8080\";", ".port = \"" + backend + "\";");
        Path config = work.resolve("verity.vcl");
        Files.writeString(config, vcl, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new ArrayList<>(List.of(VARNISHD.toString(), "-F", "-n", work.resolve("state").toString(),
                "-a", "127.0.0.1:" + port, "-f", config.toString(), "-s", "malloc,32m"));
        if (!"root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-j", "none"));
        }
        varnish = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("varnishd.log").toFile())
                .start();
        front = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (get("/").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (!varnish.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Varnish did not start: " + Files.readString(work.resolve("varnishd.log")));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopVarnish() throws InterruptedException {
        if (varnish != null) {
            varnish.destroy();
            if (!varnish.waitFor(10, TimeUnit.SECONDS)) {
                varnish.destroyForcibly().waitFor();
            }
        }
    }

    static HttpResponse<String> get(String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(front + path)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    static String cacheOf(HttpResponse<String> r) {
        return r.headers().firstValue("X-Cache").orElse("");
    }

    @Test
    void aSecondViewIsAHitTheSameForEveryReaderAndStaffScreensAreNeverKept() {
        RemoteFixtures.PageRef page = RemoteFixtures.page(false);
        HttpResponse<String> first = get(page.url());
        assertEquals(200, first.statusCode());
        assertEquals("MISS", cacheOf(first));
        HttpResponse<String> second = Http.send(HttpRequest.newBuilder(URI.create(front + page.url()))
                .header("Cookie", "verity_reader=someone.else").GET().build());
        assertEquals(200, second.statusCode());
        assertEquals("HIT", cacheOf(second), "another reader gets the page from the cache");
        assertEquals(first.body(), second.body());
        assertTrue(second.headers().firstValue("Surrogate-Key").isEmpty(), "keys stay between Verity and Varnish");
        assertTrue(second.headers().firstValue("Set-Cookie").isEmpty());
        HttpResponse<String> conditional = Http.send(HttpRequest.newBuilder(URI.create(front + page.url()))
                .header("If-None-Match", first.headers().firstValue("ETag").orElseThrow()).GET().build());
        assertEquals(304, conditional.statusCode(), "Varnish answers a browser's revalidation from the cache");

        for (String path : List.of("/admin/login", page.url() + "/comment")) {
            get(path);
            assertFalse("HIT".equals(cacheOf(get(path))), path + " is never shared");
        }
    }

    @Test
    void anEditAndAWithdrawalAreSeenThroughVarnishWithinASecondAndAWithdrawnPageIsNeverServed() {
        RemoteFixtures.Login author = RemoteFixtures.account("AUTHOR");
        RemoteFixtures.Login reviewer = RemoteFixtures.account("CLINICAL_REVIEWER");
        RemoteFixtures.Login editor = RemoteFixtures.account("EDITOR");
        String slug = "varnish-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String url = "/exercise/" + slug;
        assertEquals(201, api("POST", "/api/v1/editorial/pages", page(slug, "Gentle knee bends", null), author).statusCode());
        step(slug, "submit", null, author);
        step(slug, "approve", 1, reviewer);
        step(slug, "publish", 1, editor);
        get(url);
        HttpResponse<String> cached = get(url);
        assertEquals("HIT", cacheOf(cached));
        assertTrue(cached.body().contains("Gentle knee bends"));

        long version = object(api("GET", "/api/v1/editorial/pages/" + slug, null, author)).getJsonNumber("version").longValue();
        assertEquals(200, api("PUT", "/api/v1/editorial/pages/" + slug, page(slug, "Gentle knee bends, revised", version), author)
                .statusCode());
        step(slug, "submit", null, author);
        step(slug, "approve", 2, reviewer);
        assertFalse(get(url).body().contains("revised"), "an approved change is not live until it is published");
        step(slug, "publish", 2, editor);
        long published = System.nanoTime();
        HttpResponse<String> edited = untilWithin(url, r -> r.body().contains("Gentle knee bends, revised"));
        assertTrue(edited.body().contains("Gentle knee bends, revised"),
                "the published edit is seen through Varnish within " + FRESH_WITHIN + " (" + millisSince(published) + " ms)");
        get(url);
        assertEquals("HIT", cacheOf(get(url)), "the new page is cached again");

        step(slug, "withdraw", null, editor, "SAFETY");
        long withdrawn = System.nanoTime();
        List<Integer> seen = new ArrayList<>();
        while (System.nanoTime() - withdrawn < TimeUnit.SECONDS.toNanos(2)) {
            seen.add(get(url).statusCode());
        }
        assertFalse(seen.contains(200), "a withdrawn page is never served from the cache: " + seen);
        assertEquals(410, seen.get(seen.size() - 1));
    }

    /** Polls Varnish until the answer satisfies the check or a second has passed; the last answer. */
    private static HttpResponse<String> untilWithin(String url, java.util.function.Predicate<HttpResponse<String>> check) {
        long start = System.nanoTime();
        HttpResponse<String> r;
        do {
            r = get(url);
        } while (!check.test(r) && System.nanoTime() - start < FRESH_WITHIN.toNanos());
        return r;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static String page(String slug, String title, Long version) {
        var page = Json.createObjectBuilder().add("slug", slug).add("topic", "exercise").add("title", title)
                .add("summary", "A page seen through Varnish.").add("tier", "STANDARD").add("owner", "physio-team")
                .add("comments", "POSTMODERATED").add("body", "Bend your knees slowly.\n\n## When to get help\n\nCall 111.\n")
                .add("changeNote", "Written for the cache test.");
        if (version != null) {
            page.add("version", version);
        }
        return page.build().toString();
    }

    private static void step(String slug, String step, Integer revision, RemoteFixtures.Login as, String... reason) {
        var request = Json.createObjectBuilder().add("step", step);
        if (revision != null) {
            request.add("revision", revision);
        }
        if (reason.length > 0) {
            request.add("reason", reason[0]).add("note", "Withdrawn while the cache test watches.");
        }
        HttpResponse<String> r = api("POST", "/api/v1/editorial/pages/" + slug + "/transitions", request.build().toString(), as);
        assertEquals(200, r.statusCode(), step + ": " + r.body());
    }

    private static HttpResponse<String> api(String method, String path, String json, RemoteFixtures.Login as) {
        return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path)).header("Authorization", as.basic())
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static JsonObject object(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }
}
