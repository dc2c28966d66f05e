package org.veritycms.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.notification.Outbox;
import org.veritycms.page.CommentPolicy;
import org.veritycms.review.ReviewFixtures;
import org.veritycms.shared.ReaderTokens;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.TestAddresses;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestPages;

/** Readers rating pages over HTTP: the form, the JSON API, exact counts under load, limits and the trigger. */
@ExtendWith(ArquillianExtension.class)
class RatingsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, ReviewFixtures.class, TestPages.class, TestAddresses.class);
    }

    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    static int pages;

    @Inject
    ReviewFixtures fixtures;

    @Inject
    TestAccounts accounts;

    @Inject
    Outbox outbox;

    @Inject
    TestPages testPages;

    @Inject
    Clock clock;

    @Inject
    ReaderTokens readers;

    /** A published page, due for review a year from today by the clock (its video later still). */
    String newPage() {
        LocalDate today = LocalDate.now(clock);
        return newPage(today.plusYears(1), today.plusYears(1).plusMonths(5));
    }

    String newPage(LocalDate pageDue, LocalDate mediaDue) {
        Account owner = accounts.create(Role.EDITOR);
        String slug = "rated-" + RUN + "-" + (++pages);
        fixtures.publishedPage(slug, owner.username(), "author", pageDue, mediaDue);
        return slug;
    }

    /** A vote from a new address: a person of their own (the same reader again when the cookie is given). */
    static HttpResponse<String> vote(String slug, String body, String cookie) {
        return voteFrom(slug, body, cookie, TestAddresses.next());
    }

    static HttpResponse<String> voteFrom(String slug, String body, String cookie, String address) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/pages/" + slug + "/ratings"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(TestAddresses.HEADER, address).POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return Http.send(b.build());
    }

    static String cookieOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("verity_reader="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    static JsonObject summary(String slug) {
        return Json.createReader(new StringReader(Http.get("/api/v1/pages/" + slug + "/ratings", "application/json").body()))
                .readObject().getJsonObject("currentCycle");
    }

    @Test
    void secondRatingFromSameReaderReplacesFirst() {
        String slug = newPage();
        HttpResponse<String> first = vote(slug, "{\"stars\": 2, \"feedback\": \"Too vague about when to stop\"}", null);
        assertEquals(201, first.statusCode(), first.body());
        String cookie = cookieOf(first);
        HttpResponse<String> second = vote(slug, "{\"stars\": 5}", cookie);
        assertEquals(200, second.statusCode(), second.body());
        JsonObject answered = Json.createReader(new StringReader(second.body())).readObject();
        assertEquals("REPLACED", answered.getString("outcome"));
        assertEquals(List.of(0, 0, 0, 0, 1), answered.getJsonObject("currentCycle").getJsonArray("distribution")
                .getValuesAs(v -> ((jakarta.json.JsonNumber) v).intValue()), "the answer counts the vote it replaced");
        assertEquals(200, vote(slug, "{\"stars\": 5}", cookie).statusCode(), "the same vote again");
        JsonObject s = summary(slug);
        assertEquals(1, s.getInt("count"));
        assertEquals(List.of(0, 0, 0, 0, 1), s.getJsonArray("distribution").getValuesAs(v -> ((jakarta.json.JsonNumber) v).intValue()));
        assertFalse(s.getBoolean("averageShown"), "no average below five ratings");
        HttpResponse<String> notes = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/pages/" + slug + "/feedback"))
                .header("Authorization", TestAccounts.basic(accounts.create(Role.EDITOR))).header("Accept", "application/json").build());
        assertEquals(200, notes.statusCode(), notes.body());
        assertTrue(notes.body().contains("Too vague about when to stop"), "a new vote without a note keeps the reader's note: "
                + notes.body());
    }

    @Test
    void theReaderCookieIsSecureWhenTheSiteIsReachedOverHttps() {
        String slug = newPage();
        String overHttps = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/pages/" + slug + "/ratings"))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .header(TestAddresses.HEADER, TestAddresses.next())
                .POST(HttpRequest.BodyPublishers.ofString("{\"stars\": 4}")).build()).headers().firstValue("Set-Cookie").orElse("");
        assertTrue(overHttps.startsWith("verity_reader=") && overHttps.contains("Secure"), overHttps);
        String overHttp = vote(slug, "{\"stars\": 4}", null).headers().firstValue("Set-Cookie").orElse("");
        assertTrue(overHttp.startsWith("verity_reader=") && !overHttp.contains("Secure"), overHttp);
    }

    @Test
    void twoHundredConcurrentVotesFromDistinctReadersAreCountedExactly() {
        String slug = newPage();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        int expectedSum = 0;
        for (int i = 0; i < 200; i++) {
            int stars = i % 5 + 1;
            expectedSum += stars;
            all.add(client.sendAsync(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/pages/" + slug + "/ratings"))
                    .header("Content-Type", "application/json").header(TestAddresses.HEADER, TestAddresses.next())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stars\": " + stars + "}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        all.forEach(f -> assertEquals(201, f.join().statusCode(), f.join().body()));
        JsonObject s = summary(slug);
        assertEquals(200, s.getInt("count"));
        List<Integer> d = s.getJsonArray("distribution").getValuesAs(v -> ((jakarta.json.JsonNumber) v).intValue());
        assertEquals(List.of(40, 40, 40, 40, 40), d);
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * d.get(i);
        }
        assertEquals(expectedSum, sum);
        assertEquals(3.0, s.getJsonNumber("average").doubleValue());
    }

    @Test
    void forgedTokenIsTreatedAsANewReaderAndFormsFromAnotherSiteAreRefused() {
        String slug = newPage();
        HttpResponse<String> forged = vote(slug, "{\"stars\": 4}", "verity_reader=abc.forged");
        assertEquals(201, forged.statusCode());
        assertTrue(cookieOf(forged) != null, "a fresh signed token replaces the forged one");
        HttpResponse<String> form = Http.post("/exercise/" + slug + "/rating", "application/x-www-form-urlencoded",
                "stars=4", "Cookie", "verity_reader=abc.forged", TestAddresses.HEADER, TestAddresses.next());
        assertEquals(303, form.statusCode(), "a forged cookie is a new reader, given a genuine cookie");
        assertTrue(cookieOf(form) != null);
        for (String[] header : new String[][] {{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}}) {
            HttpResponse<String> crossSite = Http.post("/exercise/" + slug + "/rating", "application/x-www-form-urlencoded",
                    "stars=1", header[0], header[1], TestAddresses.HEADER, TestAddresses.next());
            assertEquals(403, crossSite.statusCode(), header[0]);
        }
        assertEquals(2, summary(slug).getInt("count"), "only the two votes from this site counted");
    }

    @Test
    void browserFormRatesAndThanksTheReader() {
        String slug = newPage();
        HttpResponse<String> page = Http.get("/exercise/" + slug);
        assertEquals(null, cookieOf(page), "no cookie for reading");
        assertFalse(page.body().contains("name=\"csrf\""), "no per-reader token in the shared page");
        assertTrue(page.body().contains("How helpful is this page?"));
        HttpResponse<String> posted = Http.post("/exercise/" + slug + "/rating", "application/x-www-form-urlencoded",
                "stars=4&feedback=", "Sec-Fetch-Site", "same-origin", TestAddresses.HEADER, TestAddresses.next());
        assertEquals(303, posted.statusCode(), posted.body());
        assertTrue(posted.headers().firstValue("Location").orElse("").endsWith("/exercise/" + slug + "?rated=1#rating"));
        String cookie = cookieOf(posted);
        assertTrue(cookie != null, "the first vote gives the reader their cookie");
        HttpResponse<String> thanked = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/exercise/" + slug + "?rated=1"))
                .header("Cookie", cookie).build());
        assertTrue(thanked.body().contains("Thank you for your rating"));
        assertFalse(Http.get("/exercise/" + slug).body().contains("Thank you for your rating"), "the cached page stays shared");
        for (int i = 0; i < 4; i++) {
            vote(slug, "{\"stars\": 5}", null);
        }
        assertTrue(Http.get("/exercise/" + slug).body().contains("Average rating 4.8 - based on 5 ratings"),
                "the summary shows on the page at once");
    }

    @Test
    void tooManyVotesFromOneReaderAnswer429WithRetryAfter() {
        String slug = newPage();
        String cookie = cookieOf(vote(slug, "{\"stars\": 3}", null));
        HttpResponse<String> last = null;
        for (int i = 0; i < 25; i++) {
            last = vote(slug, "{\"stars\": 3}", cookie);
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals("application/problem+json", last.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void fallingRatingsFlagThePageOncePerCycle() throws InterruptedException {
        String slug = newPage();
        for (int i = 0; i < 25; i++) {
            assertEquals(201, vote(slug, "{\"stars\": 1}", null).statusCode());
        }
        java.time.Instant until = java.time.Instant.now().plusSeconds(10);
        while (flagMessages(slug) == 0 && java.time.Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // more looks of the watch, which must not flag the page again
        assertEquals(1, flagMessages(slug), "one flag, one message, a moment after the votes");
    }

    private long flagMessages(String slug) {
        return outbox.recent(1000).stream().filter(n -> n.dedupeKey().startsWith("rating-flag:") && n.body().contains(slug)).count();
    }

    @Test
    void cookielessVotesFromOneAddressAreRefusedAfterTheLimitWhileReadersBehindItStillVote() {
        String slug = newPage();
        String address = TestAddresses.next();
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> r = voteFrom(slug, "{\"stars\": 1}", null, address);
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                assertEquals(429, r.statusCode(), r.body());
            }
        }
        assertEquals(5, accepted, "five cookieless votes per address and window by default, not 25 new readers");
        for (int i = 0; i < 20; i++) {
            String cookie = ReaderTokens.COOKIE + "=" + readers.issue();
            assertEquals(201, voteFrom(slug, "{\"stars\": 4}", cookie, address).statusCode(),
                    "reader " + (i + 1) + " with a cookie of their own behind the same address");
        }
        assertEquals(25, summary(slug).getInt("count"));
    }

    @Test
    void cookielessFormVotesFromOneAddressShareTheAddressAllowanceAndTheCookieTheyGetIsTheirs() {
        String slug = newPage();
        String address = TestAddresses.next();
        int accepted = 0;
        String cookie = null;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = Http.post("/exercise/" + slug + "/rating", "application/x-www-form-urlencoded",
                    "stars=1", TestAddresses.HEADER, address);
            if (r.statusCode() == 303) {
                accepted++;
                cookie = cookieOf(r);
            } else {
                assertEquals(429, r.statusCode(), r.body());
            }
        }
        assertEquals(5, accepted, "a form sent without a cookie is no new reader for the limits: five per address");
        assertEquals(303, Http.post("/exercise/" + slug + "/rating", "application/x-www-form-urlencoded", "stars=4",
                "Cookie", cookie, TestAddresses.HEADER, address).statusCode(), "with the cookie its first vote gave, a reader votes on");
    }

    @Test
    void badInputAnswersProblemDetails() {
        String slug = newPage();
        for (String body : new String[] {"{\"stars\": 0}", "{\"stars\": 6}", "{\"stars\": \"three\"}", "{\"stars\": 3.5}",
                "{}", "not json", "{\"stars\": 1, \"feedback\": \"" + "x".repeat(1001) + "\"}"}) {
            HttpResponse<String> r = vote(slug, body, null);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), body);
        }
        HttpResponse<String> huge = vote(slug, "{\"stars\": 1, \"feedback\": \"" + "x".repeat(2_000_000) + "\"}", null);
        assertTrue(huge.statusCode() == 413 || huge.statusCode() == 400, "huge body: " + huge.statusCode());
        HttpResponse<String> unknown = vote("no-such-page-" + RUN, "{\"stars\": 3}", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        TestPages.TestPage byEditor = testPages.publish(CommentPolicy.POSTMODERATED);
        testPages.withdraw(byEditor);
        HttpResponse<String> withdrawn = vote(byEditor.slug(), "{\"stars\": 3}", null);
        assertEquals(410, withdrawn.statusCode(), "a page an editor withdrew cannot be rated");
        assertEquals("application/problem+json", withdrawn.headers().firstValue("Content-Type").orElse(""));
        LocalDate today = LocalDate.now(clock);
        String overdue = newPage(today.minusDays(100), today.plusYears(1));
        assertEquals(410, vote(overdue, "{\"stars\": 3}", null).statusCode(),
                "nor a page 100 days past its review date, withdrawn by the clock whether or not the scan has run");
    }

    @Test
    void aPlainVoteTakenAheadOfTheApiIsAnsweredAsTheApiAnswersAnyOther() {
        String slug = newPage();
        HttpResponse<String> plain = vote(slug, "{\"stars\":4}", null);
        // another field makes it no plain vote: the same request goes the full way, body intact
        HttpResponse<String> full = vote(slug, "{\"stars\": 4, \"feedback\": \"\"}", null);
        for (HttpResponse<String> r : List.of(plain, full)) {
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("verity_reader=")
                    && c.contains("HttpOnly") && c.contains("SameSite=Lax")), r.headers().toString());
            assertEquals("RECORDED", Json.createReader(new StringReader(r.body())).readObject().getString("outcome"));
        }
        assertEquals(2, summary(slug).getInt("count"));
        HttpResponse<String> again = vote(slug, "{\"stars\":2,\"feedback\":null}", cookieOf(plain));
        assertEquals(200, again.statusCode(), "the cookie a plain vote gave is the reader's: " + again.body());
        assertEquals(List.of(0, 1, 0, 1, 0), summary(slug).getJsonArray("distribution")
                .getValuesAs(v -> ((jakarta.json.JsonNumber) v).intValue()));
        HttpResponse<String> unknown = vote("no-such-page-" + RUN, "{\"stars\":3}", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        assertTrue(unknown.body().contains("\"errorId\"") && unknown.body().contains("\"instance\":\"/api/v1/pages/no-such-page-"),
                unknown.body());
    }

    @Test
    void aPlainVoteWhoseBodyArrivesLateOrInChunksIsCountedOnce() throws Exception {
        String slug = newPage();
        URI base = URI.create(Http.base());
        String body = "{\"stars\":5}";
        String head = "POST /api/v1/pages/" + slug + "/ratings HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                + TestAddresses.HEADER + ": " + TestAddresses.next() + "\r\nConnection: close\r\n";
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            var out = socket.getOutputStream();
            out.write((head + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 5))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the rest comes after the server has read what there was
            out.write(body.substring(5).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
            assertTrue(answer.contains("\"outcome\":\"RECORDED\""), answer);
        }
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write((head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n"
                    + body + "\r\n0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 201"), "a chunked vote goes the full way: " + answer);
        }
        assertEquals(2, summary(slug).getInt("count"));
        assertEquals(List.of(0, 0, 0, 0, 2), summary(slug).getJsonArray("distribution")
                .getValuesAs(v -> ((jakarta.json.JsonNumber) v).intValue()));
    }

    @Test
    void cookielessVotesFromOneAddressSentAtOnceAreLimitedAsIfOneByOne() {
        String slug = newPage();
        String address = TestAddresses.next();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // sent together, most of them are counted against the limits in the same group
            all.add(client.sendAsync(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/pages/" + slug + "/ratings"))
                    .header("Content-Type", "application/json").header(TestAddresses.HEADER, address)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stars\": 3}")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int accepted = 0;
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.join();
            if (r.statusCode() == 201) {
                accepted++;
            } else {
                assertEquals(429, r.statusCode(), r.body());
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), r.headers().toString());
            }
        }
        assertEquals(5, accepted, "the address's five cookieless votes, however the votes were grouped");
        assertEquals(5, summary(slug).getInt("count"));
    }
}
