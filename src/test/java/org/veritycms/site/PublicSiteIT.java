package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.page.CommentPolicy;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.page.WithdrawalReason;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.TestAddresses;
import org.veritycms.testing.TestPages;
import org.veritycms.testing.TestReaders;
import org.veritycms.testing.TestPages.TestPage;

/**
 * The public site over HTTP: the topics imported at start-up, and pages each test publishes for
 * itself with dates from the clock (the seed pages' review dates are fixed, so as the calendar
 * moves they fall due and are withdrawn).
 */
@ExtendWith(ArquillianExtension.class)
class PublicSiteIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestPages.class, TestReaders.class, TestAddresses.class);
    }

    @Inject
    PageRepository pages;

    @Inject
    TestPages testPages;

    @Inject
    UserTransaction tx;

    @Inject
    PageCache cache;

    @Inject
    TestReaders readers;

    /** Topics of this test's own, made on first use: they list only pages published here. */
    static final String TOPIC = "site-tests";
    static final String OTHER_TOPIC = "site-tests-other";

    static JsonArray json(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    @Test
    void homeListsEveryTopic() {
        HttpResponse<String> home = Http.get("/");
        assertEquals(200, home.statusCode());
        for (String topic : new String[] {"/exercise", "/yoga", "/pilates", "/manual-therapy"}) {
            assertTrue(home.body().contains("href=\"" + topic + "\""), topic);
        }
    }

    @Test
    void guidancePageShowsPageAndMediaReviewDates() {
        TestPage rich = testPages.publishRich();
        JsonObject withMedia = Json.createReader(new StringReader(Http.get("/api/v1/pages/" + rich.slug(), "application/json")
                .body())).readObject();
        String effective = withMedia.getString("effectiveReviewDue");
        assertTrue(effective.compareTo(withMedia.getString("nextReviewDue")) < 0, "the media is due before the page: " + withMedia);
        assertTrue(withMedia.getJsonArray("media").stream().anyMatch(m -> m.asJsonObject().getString("nextReviewDue")
                .equals(effective)), "the earliest media date is the page's effective one: " + withMedia);
        HttpResponse<String> page = Http.get(rich.url());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("Media last reviewed"), "media dates");
        assertTrue(html.contains("Media review due"));
        assertTrue(html.contains("<time datetime=\"" + effective + "\">"), "the media item's own due date");
        assertTrue(html.contains("Page last reviewed"));
        assertTrue(html.contains("Next review due"));
        assertTrue(html.contains("Last updated"));
        assertTrue(html.contains("id=\"when-to-get-help\""), "the help section");
        assertTrue(html.contains("aria-label=\"Breadcrumb\""), "breadcrumb");
    }

    @Test
    void aPageIsTheSameBytesForEveryReaderAndAnsweredForSharedCaches() {
        TestPage rich = testPages.publishRich();
        String path = rich.url();
        cache.invalidate(rich.slug());
        assertTrue(cache.fresh(rich.topic(), rich.slug(), Instant.now()).isEmpty(), "not cached before the first reader");
        HttpResponse<String> rendered = Http.get(path);
        assertTrue(cache.fresh(rich.topic(), rich.slug(), Instant.now()).isPresent(), "cached");
        HttpResponse<String> cached = Http.get(path);
        HttpResponse<String> known = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                .header("Cookie", readers.newReader().cookie()).GET().build());
        String etag = rendered.headers().firstValue("ETag").orElse("");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), "a strong validator: " + etag);
        for (HttpResponse<String> r : List.of(rendered, cached, known)) {
            assertEquals(200, r.statusCode());
            assertEquals("text/html;charset=UTF-8", r.headers().firstValue("Content-Type").orElse(""));
            String cacheControl = r.headers().firstValue("Cache-Control").orElse("");
            assertTrue(cacheControl.matches("public, max-age=\\d+, s-maxage=[1-9]\\d*.*"), cacheControl);
            assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent(), "security headers");
            assertEquals(List.of(), r.headers().allValues("Set-Cookie"), "nobody is given a cookie for reading");
            assertEquals(etag, r.headers().firstValue("ETag").orElse(""));
            assertEquals(rendered.headers().firstValue("Last-Modified"), r.headers().firstValue("Last-Modified"));
            List<String> keys = List.of(r.headers().firstValue("Surrogate-Key").orElse("").split(" "));
            assertTrue(keys.contains("p-" + rich.slug()), "the page's own key: " + keys);
            assertFalse(r.body().contains("__verity_"), "no placeholder left");
            assertFalse(r.body().contains("name=\"csrf\""), "no per-reader token in a shared page");
        }
        assertEquals(rendered.body(), cached.body(), "the same bytes from the cache");
        assertEquals(rendered.body(), known.body(), "the same bytes for a reader the site knows");

        HttpResponse<String> unchanged = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.body());
        assertEquals(etag, unchanged.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> since = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                .header("If-Modified-Since", rendered.headers().firstValue("Last-Modified").orElseThrow()).GET().build());
        assertEquals(304, since.statusCode());
        HttpResponse<String> otherTag = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                .header("If-None-Match", "\"0000\"").GET().build());
        assertEquals(200, otherTag.statusCode(), "another version is sent in full");

        HttpResponse<String> thanked = Http.get(path + "?rated=1");
        assertTrue(thanked.body().contains("Thank you for your rating."), "thank-you after rating");
        assertFalse(thanked.headers().firstValue("ETag").orElse("").equals(etag), "a notice is another representation");
        assertTrue(Http.get(path + "?comment=held").body().contains("waiting for a moderator"), "notice after posting");
        assertFalse(Http.get(path + "?comment=%3Cb%3E").body().contains("<b>"), "no other notice, nothing echoed");
        assertEquals(404, Http.get(path + "-x").statusCode(), "not cached, not found");
    }

    @Test
    void topicPageListsItsPagesOnly() {
        TestPage mine = testPages.publishIn(TOPIC, CommentPolicy.CLOSED);
        TestPage other = testPages.publishIn(OTHER_TOPIC, CommentPolicy.CLOSED);
        HttpResponse<String> topic = Http.get("/" + TOPIC);
        assertEquals(200, topic.statusCode());
        assertTrue(topic.body().contains("href=\"" + mine.url() + "\""), "the topic lists its own page");
        JsonArray others = json(Http.get("/api/v1/pages?topic=" + OTHER_TOPIC, "application/json").body());
        assertTrue(others.stream().anyMatch(p -> p.asJsonObject().getString("url").equals(other.url())), others.toString());
        others.forEach(p -> assertFalse(topic.body().contains(p.asJsonObject().getString("url") + "\""),
                "a page of another topic on " + TOPIC));
    }

    @Test
    void unknownPageAnswersThemed404ForBrowsers() {
        HttpResponse<String> missing = Http.get("/yoga/no-such-page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"));
        assertFalse(missing.body().contains("Exception"));
    }

    @Test
    void aMissingFileUnderMediaOrAssetsAnswersTheThemedNotFoundPageWithSecurityHeaders() {
        for (String path : List.of("/media/no-such-video.mp4", "/media/", "/assets/nothing.css", "/assets/script.exe")) {
            HttpResponse<String> missing = Http.get(path);
            assertEquals(404, missing.statusCode(), path);
            assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(missing.body().contains("<link rel=\"stylesheet\""), path + " is the site's own page: " + missing.body());
            assertTrue(missing.body().contains("Page not found"), path);
            assertTrue(missing.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", missing.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void theFaviconAddressLeadsToTheSiteIconAndMayBeCached() {
        HttpResponse<String> icon = Http.get("/favicon.ico", "image/*");
        assertEquals(301, icon.statusCode());
        assertEquals("/assets/favicon.svg", icon.headers().firstValue("Location").orElse(""));
        assertTrue(icon.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
    }

    @Test
    void unknownSlugAnswersProblemJson404() {
        HttpResponse<String> missing = Http.get("/api/v1/pages/no-such-page", "application/json");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Json.createReader(new StringReader(missing.body())).readObject();
        assertEquals(404, problem.getInt("status"));
        assertTrue(problem.containsKey("errorId"));
        assertTrue(problem.getString("type").endsWith("not-found"));
    }

    @Test
    void pageUnderTheWrongTopicIsNotFound() {
        TestPage page = testPages.publishIn(TOPIC, CommentPolicy.CLOSED);
        testPages.publishIn(OTHER_TOPIC, CommentPolicy.CLOSED); // the other topic exists
        assertEquals(200, Http.get(page.url()).statusCode());
        assertEquals(200, Http.get("/" + OTHER_TOPIC).statusCode());
        assertEquals(404, Http.get("/" + OTHER_TOPIC + "/" + page.slug()).statusCode());
    }

    @Test
    void withdrawnPageAnswers410LinkingItsTopicAndLeavesTheLists() throws Exception {
        TestPage victim = testPages.publishIn(TOPIC, CommentPolicy.CLOSED);
        String slug = victim.slug();
        assertEquals(200, Http.get(victim.url()).statusCode(), "cached while published");
        assertTrue(Http.get("/" + TOPIC).body().contains(victim.url() + "\""), "listed in its topic while published");
        assertTrue(Http.get("/api/v1/pages", "application/json").body().contains("\"" + slug + "\""), "and in the API");
        withdrawForSafety(slug);
        HttpResponse<String> gone = Http.get(victim.url());
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("href=\"/" + TOPIC + "\""), "links the topic");
        assertFalse(Http.get("/" + TOPIC).body().contains(victim.url() + "\""), "gone from the topic");
        assertFalse(Http.get("/api/v1/pages", "application/json").body().contains("\"" + slug + "\""));
        assertEquals(410, Http.get("/api/v1/pages/" + slug, "application/json").statusCode());
    }

    @Test
    void themeAssetsAreServedWithTheirType() {
        HttpResponse<String> css = Http.get("/assets/css/verity.css", "text/css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(404, Http.get("/assets/../WEB-INF/web.xml", "*/*").statusCode());
        assertEquals(404, Http.get("/assets/nothing.css", "*/*").statusCode());
        HttpResponse<String> icon = Http.get("/assets/favicon.svg", "image/svg+xml");
        assertEquals(200, icon.statusCode());
        assertTrue(icon.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(Http.get("/").body().contains("<link rel=\"icon\" href=\"/assets/favicon.svg\""), "every page names its icon");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (HttpResponse<String> r : List.of(Http.get("/"), Http.get("/yoga/no-such-page"),
                Http.get("/api/v1/topics", "application/json"), Http.get("/assets/css/verity.css", "text/css"))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent());
        }
    }

    @Test
    void contentFilesAreNotPublic() {
        assertEquals(404, Http.get("/WEB-INF/verity/content/topics.yaml", "*/*").statusCode());
    }

    private void withdrawForSafety(String slug) throws Exception {
        tx.begin();
        Page page = pages.findBySlug(slug).orElseThrow();
        page.withdrawByEditor(WithdrawalReason.SAFETY, "Withdrawn by a test");
        tx.commit();
    }
}
