package org.veritycms.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.notification.SentMessageRetention;
import org.veritycms.page.CommentPolicy;
import org.veritycms.shared.VerityClock;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.ModerationProbe;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestPages;
import org.veritycms.testing.TestPages.TestPage;
import org.veritycms.testing.TestLibraries;
import org.veritycms.testing.TestAddresses;
import org.veritycms.testing.TestReaders;

/** The moderators' side: the queue API and admin screen, each decision with its log entry, notices and the digest. */
@ExtendWith(ArquillianExtension.class)
class ModerationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, TestPages.class, TestPages.TestPage.class,
                TestReaders.class, TestAddresses.class, TestReaders.Reader.class, ModerationProbe.class, TestLibraries.class)
                .addAsLibrary(TestLibraries.jarOf(Jsoup.class));
    }

    @Inject
    TestPages pages;

    @Inject
    TestReaders readers;

    @Inject
    ModerationProbe probe;

    @Inject
    TestAccounts accounts;

    @Inject
    ModerationDigest digest;

    @Inject
    VerityClock clock;

    @Inject
    SentMessageRetention retention;

    Account moderator;

    @BeforeEach
    void moderator() {
        moderator = probe.moderatorWithEmail();
    }

    HttpResponse<String> api(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/moderation" + path))
                .header("Authorization", TestAccounts.basic(moderator)).header("Accept", "application/json");
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return Http.send(b.build());
    }

    static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    long held(TestPage page, String body, String... more) {
        assertEquals(303, readers.newReader().comment(page, "Author", body, more).statusCode());
        return probe.commentWithBody(page, body).id();
    }

    List<String> logActions(long id) {
        return Json.createReader(new StringReader(api("GET", "/log?comment=" + id, null).body())).readArray().stream()
                .map(v -> v.asJsonObject().getString("action") + ":" + v.asJsonObject().getString("actor")
                        + ":" + v.asJsonObject().getString("statusAfter"))
                .toList();
    }

    @Test
    void approvingPublishesAndIsLogged() {
        TestPage page = pages.publish(CommentPolicy.PREMODERATED);
        long id = held(page, "Waiting for approval");
        assertNull(Jsoup.parse(Http.get(page.url()).body()).getElementById("comment-" + id));
        HttpResponse<String> approved = api("POST", "/comments/" + id + "/approve", null);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("PUBLISHED", object(approved).getString("status"));
        assertNotNull(Jsoup.parse(Http.get(page.url()).body()).getElementById("comment-" + id), "shown straight after");
        assertEquals(List.of("SCREENED:screening:PENDING", "APPROVED:" + moderator.username() + ":PUBLISHED"), logActions(id));
        HttpResponse<String> again = api("POST", "/comments/" + id + "/approve", null);
        assertEquals(409, again.statusCode(), "a published comment cannot be approved again");
        assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void rejectingNeedsAReasonTellsTheAuthorAndIsLogged() {
        TestPage page = pages.publish(CommentPolicy.PREMODERATED);
        long id = held(page, "Ignore your doctor", "email", "author@readers.example");
        HttpResponse<String> noReason = api("POST", "/comments/" + id + "/reject", "{}");
        assertEquals(400, noReason.statusCode());
        assertEquals("reason", object(noReason).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> rejected = api("POST", "/comments/" + id + "/reject",
                "{\"reason\":\"misinformation\",\"note\":\"dangerous\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("REJECTED", object(rejected).getString("status"));
        assertEquals(List.of("SCREENED:screening:PENDING", "REJECTED:" + moderator.username() + ":REJECTED"), logActions(id));
        List<ModerationNotice> notices = probe.noticesAbout(id);
        assertEquals(1, notices.size());
        assertEquals(ModerationNotice.Kind.COMMENT_REJECTED, notices.get(0).kind());
        assertEquals("author@readers.example", notices.get(0).recipient());
        assertTrue(notices.get(0).body().contains("health information that could mislead"), notices.get(0).body());
        JsonObject detail = object(api("GET", "/comments/" + id, null));
        assertEquals("misinformation", detail.getJsonObject("comment").getString("rejectionReason"));
        assertTrue(detail.getJsonObject("comment").getBoolean("authorGaveEmail"));
        assertTrue(!detail.toString().contains("author@readers.example"), "the queue never shows the address");

        clock.pin(java.time.Instant.now().plus(java.time.Duration.ofDays(31)));
        try {
            retention.eraseExpired();
        } finally {
            clock.release();
        }
        ModerationNotice erased = probe.noticesAbout(id).get(0);
        assertTrue(erased.recipient().startsWith(SentMessageRetention.ERASED), erased.recipient());
        assertEquals("", erased.body(), "moderation's copy of the message goes with the outbox's");
    }

    @Test
    void spamTakesAPublishedCommentDownAndRestoreBringsItBack() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        long id = held(page, "Visible at first");
        assertNotNull(Jsoup.parse(Http.get(page.url()).body()).getElementById("comment-" + id));
        assertEquals("SPAM", object(api("POST", "/comments/" + id + "/spam", null)).getString("status"));
        assertNull(Jsoup.parse(Http.get(page.url()).body()).getElementById("comment-" + id), "gone from the page");
        assertEquals("PUBLISHED", object(api("POST", "/comments/" + id + "/restore", null)).getString("status"));
        assertNotNull(Jsoup.parse(Http.get(page.url()).body()).getElementById("comment-" + id));
        assertEquals(List.of("SCREENED:screening:PUBLISHED", "MARKED_SPAM:" + moderator.username() + ":SPAM",
                "RESTORED:" + moderator.username() + ":PUBLISHED"), logActions(id));
    }

    @Test
    void bulkDecisionsApplyWhereTheStatusAllowsAndSayWhereNot() {
        TestPage page = pages.publish(CommentPolicy.PREMODERATED);
        long a = held(page, "Bulk one");
        long b = held(page, "Bulk two");
        api("POST", "/comments/" + b + "/approve", null);
        HttpResponse<String> response = api("POST", "/decisions",
                "{\"action\":\"approve\",\"ids\":[" + a + "," + b + ",999999999]}");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray results = Json.createReader(new StringReader(response.body())).readArray();
        assertEquals(3, results.size());
        assertTrue(results.getJsonObject(0).getBoolean("applied"));
        assertEquals(false, results.getJsonObject(1).getBoolean("applied"), "already published");
        assertEquals(false, results.getJsonObject(2).getBoolean("applied"), "no such comment");
        assertEquals(400, api("POST", "/decisions", "{\"action\":\"delete\",\"ids\":[" + a + "]}").statusCode());
    }

    @Test
    void theQueueFiltersByStatusReasonAndPage() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        long phone = held(page, "Call 07700 900123 please");
        long fine = held(page, "Nothing to see here");
        JsonObject byReason = object(api("GET", "/comments?reason=personal-data&page=" + page.slug(), null));
        assertEquals(1, byReason.getInt("total"));
        assertEquals(phone, byReason.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        JsonObject published = object(api("GET", "/comments?status=published&page=" + page.slug(), null));
        assertEquals(List.of(fine), published.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList());
        assertEquals(400, api("GET", "/comments?status=nonsense", null).statusCode());
        JsonObject reasons = object(api("GET", "/reasons", null));
        assertTrue(reasons.getJsonArray("screens").contains(Json.createValue("safeguarding")));
    }

    @Test
    void onlyModeratorsReachTheQueue() {
        Account editor = accounts.create(Role.EDITOR);
        HttpResponse<String> forbidden = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/moderation/comments"))
                .header("Authorization", TestAccounts.basic(editor)).build());
        assertEquals(403, forbidden.statusCode());
        assertEquals(401, Http.get("/api/v1/moderation/comments", "application/json").statusCode());
        HttpResponse<String> browser = Http.get("/admin/moderation");
        assertEquals(303, browser.statusCode());
        assertTrue(browser.headers().firstValue("Location").orElse("").contains("/admin/login"));
    }

    @Test
    void theQueueShowsWhatReportersWrote() {
        TestPage page = pages.publish(CommentPolicy.PREMODERATED);
        long id = held(page, "Stop taking your tablets and stretch instead");
        assertEquals(200, api("POST", "/comments/" + id + "/approve", null).statusCode());
        assertEquals(303, readers.newReader().report(id, "misinformation", "This could <b>hurt</b> someone on blood thinners")
                .statusCode());
        assertEquals(303, readers.newReader().report(id, "spam", "").statusCode());
        HttpResponse<String> screen = Http.send(HttpRequest.newBuilder(URI.create(Http.base()
                + "/admin/moderation?status=all&page=" + page.slug())).header("Cookie", probe.sessionCookie(moderator)).build());
        assertEquals(200, screen.statusCode(), screen.body());
        assertEquals(List.of("This could <b>hurt</b> someone on blood thinners"),
                Jsoup.parse(screen.body()).select("#item-" + id + " ul.report-notes li").eachText(),
                "each note once, as text; a report without a note adds nothing");
    }

    @Test
    void theAdminQueueDecidesOneOrManyWithPlainForms() {
        TestPage page = pages.publish(CommentPolicy.PREMODERATED);
        long one = held(page, "Approve me from the screen");
        long two = held(page, "Spam me in bulk");
        long three = held(page, "Me too in bulk");
        String session = probe.sessionCookie(moderator);
        HttpResponse<String> screen = Http.send(HttpRequest.newBuilder(URI.create(Http.base()
                + "/admin/moderation?page=" + page.slug())).header("Cookie", session).build());
        assertEquals(200, screen.statusCode(), screen.body());
        Document html = Jsoup.parse(screen.body());
        assertEquals(3, html.select("li.queue-item").size());
        String csrf = html.selectFirst("form[method=post] input[name=csrf]").val();

        HttpResponse<String> single = Http.post("/admin/moderation", "application/x-www-form-urlencoded",
                "csrf=" + TestReaders.enc(csrf) + "&page=" + page.slug() + "&decide=approve%3A" + one, "Cookie", session);
        assertEquals(303, single.statusCode(), single.body());
        assertTrue(single.headers().firstValue("Location").orElse("").contains("done=1"));
        HttpResponse<String> bulk = Http.post("/admin/moderation", "application/x-www-form-urlencoded",
                "csrf=" + TestReaders.enc(csrf) + "&id=" + two + "&id=" + three + "&bulk=spam&bulkReason=other&note=",
                "Cookie", session);
        assertEquals(303, bulk.statusCode(), bulk.body());
        assertEquals("PUBLISHED", probe.commentWithBody(page, "Approve me from the screen").status());
        assertEquals("SPAM", probe.commentWithBody(page, "Spam me in bulk").status());
        assertEquals("SPAM", probe.commentWithBody(page, "Me too in bulk").status());
        assertEquals(403, Http.post("/admin/moderation", "application/x-www-form-urlencoded",
                "csrf=forged&decide=approve%3A" + two, "Cookie", session).statusCode());

        HttpResponse<String> log = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/admin/moderation/log"))
                .header("Cookie", session).build());
        assertEquals(200, log.statusCode());
        assertTrue(Jsoup.parse(log.body()).text().contains("marked spam"));
    }

    @Test
    void theDailyDigestReachesEachModeratorOncePerDay() {
        TestPage page = pages.publish(CommentPolicy.PREMODERATED);
        held(page, "Waiting in the digest");
        LocalDate day = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30_000));
        assertTrue(digest.send(day) >= 1);
        List<ModerationNotice> mine = probe.noticesTo(moderator.email(), ModerationNotice.Kind.DAILY_DIGEST).stream()
                .filter(n -> day.equals(n.digestDay())).toList();
        assertEquals(1, mine.size());
        assertTrue(mine.get(0).subject().contains("waiting"), mine.get(0).subject());
        assertTrue(mine.get(0).body().contains("/admin/moderation"));
        assertEquals(0, digest.send(day), "a second run on the same day writes nothing");
    }
}
