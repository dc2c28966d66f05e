package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.search.SearchIndex;
import org.veritycms.testing.AtomSchema;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.FindablePages;
import org.veritycms.testing.Http;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.SitemapSchema;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestLibraries;
import org.veritycms.testing.TestPages;

/**
 * How readers and search engines find pages: site search over the index (following publication,
 * edits, withdrawal and restore), the page's JSON-LD, the sitemap, robots.txt and the Atom feeds.
 */
@ExtendWith(ArquillianExtension.class)
class FindingPagesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, FindablePages.class, TestAccounts.class, TestFixtures.class, TestPages.class,
                        RemoteFixtures.class)
                .addAsLibraries(TestLibraries.jarOf(Jsoup.class));
    }

    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    static final String TOPIC = FindablePages.TOPIC;

    @Inject
    FindablePages pages;

    @Inject
    TestAccounts accounts;

    @Inject
    SearchIndex index;

    @Inject
    Clock clock;

    static Document search(String query) {
        HttpResponse<String> response = Http.get("/search?q=" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Jsoup.parse(response.body());
    }

    static List<String> resultLinks(Document results) {
        return results.select(".search-results h2 a").eachAttr("href");
    }

    @Test
    void searchFindsAPageByABodyWordUntilItIsWithdrawnAndAgainOnceRestored() {
        String slug = "searchable-" + RUN;
        String word = "quokkaw" + RUN;
        pages.publish(slug, "Searchable " + RUN, "stretching with " + word, LocalDate.now(clock).minusMonths(1));
        Document found = search(word);
        assertEquals(List.of("/" + TOPIC + "/" + slug), resultLinks(found));
        assertEquals(word, found.selectFirst(".search-results .snippet mark").text(), "the matched body word is marked");
        assertTrue(found.text().contains("1 page matches"), found.text());

        pages.withdraw(slug);
        assertEquals(List.of(), resultLinks(search(word)), "a withdrawn page is not found");
        pages.restore(slug);
        assertEquals(List.of("/" + TOPIC + "/" + slug), resultLinks(search(word)), "restored, it is found again");
    }

    @Test
    void searchStopsCountingPagesWithdrawnInBulkWithoutARebuild() {
        String word = "bilbyx" + RUN;
        List<String> slugs = List.of("bulk-a-" + RUN, "bulk-b-" + RUN, "bulk-c-" + RUN);
        for (String slug : slugs) {
            pages.publish(slug, "Bulk " + slug, "stretching with " + word, LocalDate.now(clock).minusMonths(1));
        }
        assertTrue(search(word).text().contains("3 pages match"));
        Instant rebuilt = index.status().finishedAt();
        pages.withdrawInBulk(slugs.subList(0, 2));
        Document after = search(word);
        assertTrue(after.text().contains("1 page matches"), after.text());
        assertEquals(List.of("/" + TOPIC + "/" + slugs.get(2)), resultLinks(after));
        assertEquals(rebuilt, index.status().finishedAt(), "no rebuild was needed");
    }

    @Test
    void theIndexFollowsAnEdit() {
        String slug = "edited-" + RUN;
        String before = "wombatx" + RUN;
        String after = "numbatx" + RUN;
        pages.publish(slug, "Edited " + RUN, before, LocalDate.now(clock).minusMonths(1));
        assertEquals(1, resultLinks(search(before)).size());
        pages.proposeChange(slug, after, "Replaced the example");
        assertEquals(1, resultLinks(search(before)).size(), "a pending change is not live: the index keeps the live text");
        assertEquals(List.of(), resultLinks(search(after)));
        pages.approveAndPublish(slug);
        assertEquals(List.of(), resultLinks(search(before)), "the old word is gone from the index");
        assertEquals(List.of("/" + TOPIC + "/" + slug), resultLinks(search(after)));
    }

    @Test
    void searchFiltersByTopicAndAnswersOddQueriesWithoutFailing() {
        String slug = "filtered-" + RUN;
        String word = "dugongx" + RUN;
        pages.publish(slug, "Filtered " + RUN, word, LocalDate.now(clock).minusMonths(1));
        assertEquals(1, resultLinks(search(word + "&topic=" + TOPIC)).size());
        assertEquals(List.of(), resultLinks(search(word + "&topic=yoga")));
        assertEquals(1, resultLinks(search(word + "&page=abc&topic=..%2F")).size(), "odd values are read leniently");

        HttpResponse<String> empty = Http.get("/search");
        assertEquals(200, empty.statusCode());
        assertTrue(Jsoup.parse(empty.body()).selectFirst("form[action=/search]") != null);
        HttpResponse<String> tooLong = Http.get("/search?q=" + "a".repeat(201));
        assertEquals(400, tooLong.statusCode());
        assertTrue(Jsoup.parse(tooLong.body()).selectFirst("[role=alert]").text().contains("200"));
        assertEquals(200, Http.get("/search?q=%22unclosed+(+-+*+%7E%7E+AND+OR").statusCode(), "query syntax never fails");
        assertEquals(200, Http.get("/search?q=the+and+of").statusCode(), "nothing left after dropping common words");
        assertEquals(200, Http.get("/search?q=-" + word).statusCode(), "only an exclusion");
        assertEquals("noindex", Http.get("/search?q=x").headers().firstValue("X-Robots-Tag").orElse(""));
    }

    @Test
    void aGuidancePageCarriesMedicalWebPageJsonLdWithItsDates() {
        String slug = "structured-" + RUN;
        LocalDate reviewed = LocalDate.now(clock).minusDays(3);
        pages.publish(slug, "Structured </script> " + RUN, "data", reviewed);
        Document html = Jsoup.parse(Http.get("/" + TOPIC + "/" + slug).body());
        String script = html.selectFirst("head script[type=application/ld+json]").data();
        assertFalse(script.contains("</script"), script);
        JsonObject json = Json.createReader(new StringReader(script)).readObject();
        assertEquals("MedicalWebPage", json.getString("@type"));
        assertEquals("Structured </script> " + RUN, json.getString("name"));
        assertEquals(reviewed.toString(), json.getString("lastReviewed"));
        assertEquals(pages.updatedAt(slug).toString(), json.getString("dateModified"));
        assertEquals("Dr Test", json.getJsonObject("reviewedBy").getString("name"));
        assertFalse(json.containsKey("aggregateRating"));
        assertEquals("http://localhost:8080/" + TOPIC + "/" + slug, html.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("A page for finding tests.", html.selectFirst("meta[name=description]").attr("content"));
    }

    @Test
    void theSitemapAndFeedsListReadablePagesOnly() {
        String live = "listed-" + RUN;
        String gone = "unlisted-" + RUN;
        LocalDate reviewed = LocalDate.now(clock).minusDays(10);
        pages.publish(live, "Listed " + RUN, "lists", reviewed);
        pages.publish(gone, "Unlisted " + RUN, "lists", reviewed);
        pages.withdraw(gone);

        HttpResponse<String> sitemap = Http.get("/sitemap.xml", "*/*");
        assertEquals(200, sitemap.statusCode());
        assertTrue(sitemap.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        String entry = "<loc>http://localhost:8080/" + TOPIC + "/" + live + "</loc><lastmod>" + LocalDate.now(clock) + "</lastmod>";
        assertTrue(sitemap.body().contains(entry), "lastmod is the later of reviewed and updated: " + sitemap.body());
        assertFalse(sitemap.body().contains(gone), "withdrawn pages drop out");

        for (String feed : List.of("/feed.atom", "/" + TOPIC + "/feed.atom")) {
            HttpResponse<String> atom = Http.get(feed, "application/atom+xml");
            assertEquals(200, atom.statusCode(), feed);
            assertTrue(atom.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
            assertTrue(atom.body().contains("/" + TOPIC + "/" + live + "</id>") || atom.body().contains(live), feed);
            assertTrue(atom.body().contains("Updated on ") && atom.body().contains("Created by a test"), "the reason: " + atom.body());
            assertFalse(atom.body().contains(gone), feed + " leaves out withdrawn pages");
        }
        assertEquals(404, Http.get("/no-such-topic-" + RUN + "/feed.atom", "application/atom+xml").statusCode());
    }

    @Test
    void literalAddressesWinOverTopicAddresses() {
        assertTrue(Http.get("/search").body().contains("search-q"), "/search is the search page, not a topic");
        assertTrue(Http.get("/subscribe").body().contains("subscribe-email"), "/subscribe is the sign-up form");
        HttpResponse<String> robots = Http.get("/robots.txt", "*/*");
        assertEquals(200, robots.statusCode());
        assertTrue(robots.body().contains("Disallow: /admin\n") && robots.body().contains("Disallow: /api\n"), robots.body());
        assertTrue(robots.body().contains("Sitemap: http://localhost:8080/sitemap.xml"), robots.body());
    }

    @Test
    void onlyAdministratorsRebuildTheIndexAndSearchStillWorksAfterwards() throws Exception {
        String slug = "rebuilt-" + RUN;
        String word = "okapix" + RUN;
        pages.publish(slug, "Rebuilt " + RUN, word, LocalDate.now(clock).minusMonths(1));
        Account editor = accounts.create(Role.EDITOR);
        Account admin = accounts.create(Role.ADMIN);
        assertEquals(403, rebuild(editor).statusCode());
        HttpResponse<String> accepted = rebuild(admin);
        assertEquals(202, accepted.statusCode(), accepted.body());
        index.rebuild().get(60, TimeUnit.SECONDS);
        assertTrue(index.status().documents() > 0);
        assertEquals(List.of("/" + TOPIC + "/" + slug), resultLinks(search(word)));
    }

    @Test
    @RunAsClient
    void theSitemapAndTheFeedsAreValidAgainstTheirSchemas() {
        RemoteFixtures.PageRef page = RemoteFixtures.richPage(); // so each document has an entry, whatever the date
        String sitemap = Http.get("/sitemap.xml", "*/*").body();
        assertTrue(sitemap.contains(page.url() + "</loc>"), sitemap);
        assertEquals(List.of(), SitemapSchema.errors(sitemap));
        for (String feed : List.of("/feed.atom", "/" + page.topic() + "/feed.atom")) {
            String atom = Http.get(feed, "*/*").body();
            assertTrue(atom.contains(page.slug()), feed + ": " + atom);
            assertEquals(List.of(), AtomSchema.errors(atom), feed);
        }
    }

    private static HttpResponse<String> rebuild(Account account) {
        return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/search/rebuild"))
                .header("Authorization", TestAccounts.basic(account)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
