package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.moderation.ModerationQueue;
import org.veritycms.page.CommentPolicy;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.ModerationProbe;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestPages;
import org.veritycms.testing.TestPages.TestPage;
import org.veritycms.testing.TestLibraries;
import org.veritycms.testing.TestAddresses;
import org.veritycms.testing.TestReaders;
import org.veritycms.testing.XssCorpus;

/**
 * The XSS and HTML-injection corpus, posted as comments and as names, comes back escaped on the
 * public page and in the moderation queue: parsed, no element or attribute from a payload
 * survives, and the text is shown literally.
 */
@ExtendWith(ArquillianExtension.class)
class CommentXssIT {

    /** Elements the comments section itself is made of; anything else came from a payload. */
    static final Set<String> SECTION_ELEMENTS = Set.of("section", "h2", "h3", "p", "ol", "li", "article", "header",
            "strong", "time", "div", "a", "br", "details", "summary", "form", "input", "label", "textarea", "button");
    /** Elements the moderation screen itself is made of. */
    static final Set<String> QUEUE_ELEMENTS = Set.of("ol", "li", "p", "input", "label", "strong", "dl", "div", "dt", "dd",
            "a", "select", "option", "button", "fieldset", "legend", "span");

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, TestPages.class, TestPages.TestPage.class,
                TestReaders.class, TestAddresses.class, TestReaders.Reader.class, ModerationProbe.class, XssCorpus.class, TestLibraries.class)
                .addAsLibrary(TestLibraries.jarOf(Jsoup.class)).addAsResource("xss-payloads.txt");
    }

    @Inject
    TestPages pages;

    @Inject
    TestReaders readers;

    @Inject
    ModerationProbe probe;

    /** The name field holds at most 80 characters: the payload's start. */
    static String nameFor(String payload) {
        String name = payload.codePointCount(0, payload.length()) <= 80 ? payload
                : payload.substring(0, payload.offsetByCodePoints(0, 80));
        return name.strip();
    }

    @Test
    void everyPayloadComesBackEscapedOnThePageAndInTheQueue() {
        List<String> payloads = XssCorpus.payloads();
        assertTrue(payloads.size() >= 50);
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        for (String payload : payloads) {
            HttpResponse<String> posted = readers.newReader().comment(page, nameFor(payload), payload);
            assertEquals(303, posted.statusCode(), payload + " -> " + posted.body());
        }
        Account moderator = probe.moderatorWithEmail();
        publishEverything(page, moderator);

        Document html = Jsoup.parse(Http.get(page.url()).body());
        assertNoActiveContent(html);
        Element section = html.getElementById("comments");
        section.select("*").forEach(e -> assertTrue(SECTION_ELEMENTS.contains(e.normalName()),
                "<" + e.normalName() + "> on the public page"));
        Map<String, Element> byBody = new HashMap<>();
        for (Element article : section.select("article.comment")) {
            byBody.put(article.selectFirst(".comment-body").text(), article);
        }
        for (String payload : payloads) {
            Element article = byBody.get(XssCorpus.asText(payload));
            assertTrue(article != null, "shown literally: " + payload);
            XssCorpus.assertOnlySafeMarkup(article.selectFirst(".comment-body"), payload);
            Element author = article.selectFirst(".comment-author");
            assertTrue(author.children().isEmpty(), "no markup in the name: " + author.html());
            assertEquals(XssCorpus.asText(nameFor(payload)), author.text());
        }

        JsonArray api = Json.createReader(new StringReader(Http.get("/api/v1/pages/" + page.slug() + "/comments",
                "application/json").body())).readObject().getJsonArray("comments");
        Set<String> texts = api.stream().map(v -> v.asJsonObject().getString("text")).collect(Collectors.toSet());
        payloads.forEach(p -> assertTrue(texts.contains(p.strip()), "the API gives the text as written: " + p));

        HttpResponse<String> queue = Http.send(HttpRequest.newBuilder(URI.create(Http.base()
                + "/admin/moderation?status=all&limit=200&page=" + page.slug())).header("Cookie", probe.sessionCookie(moderator))
                .build());
        assertEquals(200, queue.statusCode());
        Document screen = Jsoup.parse(queue.body());
        assertNoActiveContent(screen);
        Element list = screen.selectFirst("ol.queue");
        list.select("*").forEach(e -> assertTrue(QUEUE_ELEMENTS.contains(e.normalName()),
                "<" + e.normalName() + "> in the queue"));
        Map<String, Element> items = new HashMap<>();
        for (Element item : list.select("li.queue-item")) {
            items.put(item.selectFirst(".queue-text").wholeText(), item);
        }
        for (String payload : payloads) {
            Element item = items.get(payload.strip());
            assertTrue(item != null, "shown exactly as typed in the queue: " + payload);
            assertEquals(XssCorpus.asText(nameFor(payload)), item.selectFirst(".queue-author").ownText());
        }
    }

    /** Approves or restores every comment on the page, whatever the screens made of it. */
    private void publishEverything(TestPage page, Account moderator) {
        Map<String, List<Long>> byAction = probe.commentsOn(page).stream()
                .filter(i -> !i.status().equals("PUBLISHED"))
                .collect(Collectors.groupingBy(i -> i.status().equals("PENDING") || i.status().equals("HIDDEN")
                        ? "approve" : "restore", Collectors.mapping(ModerationQueue.Item::id, Collectors.toList())));
        byAction.forEach((action, ids) -> {
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/moderation/decisions"))
                    .header("Authorization", TestAccounts.basic(moderator)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("action", action)
                            .add("ids", Json.createArrayBuilder(ids)).build().toString())).build());
            assertEquals(200, response.statusCode(), response.body());
            Json.createReader(new StringReader(response.body())).readArray().forEach(v -> {
                JsonObject r = v.asJsonObject();
                assertTrue(r.getBoolean("applied"), r.toString());
            });
        });
        assertTrue(probe.commentsOn(page).stream().allMatch(i -> i.status().equals("PUBLISHED")));
    }

    /** Nothing that runs script or fetches something: no script, frames, objects, event handlers or script URLs. */
    private static void assertNoActiveContent(Document doc) {
        // a JSON-LD block is data the browser never runs; the admin's own script is the admin layout's
        assertTrue(doc.select("script:not([type=application/ld+json]):not([src=\"/assets/js/admin.js\"]), iframe, frame, object, embed, svg, math, img, video, audio, base, meta[http-equiv],"
                + " style, marquee, isindex, keygen, x").isEmpty(), "active elements: " + doc.select("script, iframe, img, svg"));
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertTrue(!a.getKey().toLowerCase().startsWith("on"), "event handler " + a + " on <" + e.normalName() + ">");
                assertTrue(!a.getKey().equalsIgnoreCase("style"), "style attribute on <" + e.normalName() + ">");
                String value = a.getValue().strip().toLowerCase();
                assertTrue(!value.startsWith("javascript:") && !value.startsWith("vbscript:") && !value.startsWith("data:"),
                        a + " on <" + e.normalName() + ">");
            }
        }
    }
}
