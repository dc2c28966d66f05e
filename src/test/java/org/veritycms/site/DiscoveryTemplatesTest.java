package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.veritycms.search.Fragment;
import org.veritycms.shared.Problem;
import org.veritycms.site.SearchViews.HitView;
import org.veritycms.site.SearchViews.SearchView;
import org.veritycms.site.SearchViews.TopicOption;
import org.veritycms.subscription.SubscriptionMails;
import org.veritycms.testing.SampleViews;
import org.veritycms.theme.ThemeRegistry;
import org.veritycms.theme.ThemeRenderer;

/** The search, e-mail update and mail templates, and what the layout adds for search engines. */
class DiscoveryTemplatesTest {

    final ThemeRenderer renderer = new ThemeRenderer(new ThemeRegistry(List.of(Path.of("themes")), "default"), "en-GB", 0);

    String render(String template, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.putIfAbsent("pageTitle", "T");
        all.putIfAbsent("breadcrumbs", List.of());
        all.putIfAbsent("siteUrl", "https://health.example.org");
        String html = renderer.render(template, all);
        assertFalse(html.contains("??"), template + " uses a missing message: " + html);
        return html;
    }

    static SearchView results(List<HitView> hits, String next) {
        return new SearchView("back <pain>", List.of(new TopicOption("yoga", "Yoga", true)), true, false, 11, 1, 2, 1, hits,
                null, next, 200);
    }

    @Test
    void searchResultsMarkOnlyTheMatchedWordsAndEscapeTheRest() {
        HitView hit = new HitView("/yoga/a", "Yoga", List.of(new Fragment("Back ", true), new Fragment("<b>care</b>", false)),
                List.of(new Fragment("… ease ", false), new Fragment("pain", true), new Fragment(" <script>alert(1)</script>", false)),
                "2 March 2026", "2026-03-02");
        Document html = Jsoup.parse(render("search.ftlh", Map.of("search", results(List.of(hit), "/search?q=back&page=2"))));
        assertEquals(List.of("Back ", "pain"), html.select(".search-results mark").eachText().stream().map(t -> t.equals("Back") ? "Back " : t).toList());
        assertTrue(html.select(".search-results script, .search-results b").isEmpty(), "page text is never markup");
        assertTrue(html.select(".snippet").text().contains("<script>alert(1)</script>"));
        assertEquals("/search?q=back&page=2", html.selectFirst("a[rel=next]").attr("href"));
        assertEquals("back <pain>", html.selectFirst("#search-q").val());
        assertEquals("yoga", html.selectFirst("#search-topic option[selected]").val());
        assertTrue(html.text().contains("11 pages match “back <pain>”"), html.text());
    }

    @Test
    void anEmptyATooLongAndAnUnmatchedQueryEachSaySo() {
        SearchView empty = new SearchView("", List.of(), false, false, 0, 1, 0, 1, List.of(), null, null, 200);
        assertTrue(Jsoup.parse(render("search.ftlh", Map.of("search", empty))).text().contains("Type a word or two"));
        SearchView tooLong = new SearchView("x", List.of(), true, true, 0, 1, 0, 1, List.of(), null, null, 200);
        assertTrue(Jsoup.parse(render("search.ftlh", Map.of("search", tooLong))).selectFirst("[role=alert]").text()
                .contains("at most 200 characters"));
        SearchView none = new SearchView("zzz", List.of(), true, false, 0, 1, 0, 1, List.of(), null, null, 200);
        assertTrue(Jsoup.parse(render("search.ftlh", Map.of("search", none))).text().contains("No pages match “zzz”"));
    }

    @Test
    void aGuidancePageCarriesItsJsonLdAndAnAbsoluteCanonicalLink() {
        String jsonLd = "{\"@type\":\"MedicalWebPage\",\"name\":\"\\u003c/script\\u003e\"}";
        Document html = Jsoup.parse(render("page.ftlh", Map.of("page", SampleViews.page(), "jsonLd", jsonLd)));
        assertEquals(jsonLd, html.selectFirst("head script[type=application/ld+json]").data());
        assertEquals("https://health.example.org/yoga/gentle-yoga", html.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Slow poses.", html.selectFirst("meta[name=description]").attr("content"));
        assertEquals("/feed.atom", html.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"));
    }

    @Test
    void topicPagesOfferSearchTheFeedAndEmailUpdates() {
        Document html = Jsoup.parse(render("topic.ftlh", Map.of("topic", SampleViews.topic())));
        assertEquals("yoga", html.selectFirst("form.search-form input[name=topic]").val());
        assertEquals("/subscribe?topic=yoga", html.selectFirst(".follow a[href^=/subscribe]").attr("href"));
        assertEquals("/yoga/feed.atom", html.selectFirst(".follow a[type=application/atom+xml]").attr("href"));
        assertEquals("https://health.example.org/yoga", html.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void theSignUpFormNamesTheFieldInErrorAndCarriesNoPerReaderToken() {
        Document html = Jsoup.parse(render("subscribe.ftlh", Map.of("email", "not an address",
                "topics", List.of(new TopicOption("yoga", "Yoga", true)),
                "errors", List.of(new Problem.FieldError("email", "Enter your e-mail address")))));
        assertTrue(html.select("form[action=/subscribe] input[name=csrf]").isEmpty());
        assertEquals("post", html.selectFirst("form[action=/subscribe]").attr("method"));
        assertEquals("#subscribe-email", html.selectFirst("[role=alert] a").attr("href"));
        assertEquals("not an address", html.selectFirst("#subscribe-email").val());
    }

    @Test
    void everySubscriptionPageRenders() {
        for (String key : List.of("subscribe.confirm", "unsubscribe.confirm")) {
            Document html = Jsoup.parse(render("subscription-action.ftlh", Map.of("key", key, "topicTitle", "Yoga",
                    "email", "reader@example.org", "action", "/x", "token", "T.S", "csrf", "TOKEN")));
            assertEquals("T.S", html.selectFirst("form[action=/x] input[name=token]").val());
            assertTrue(html.text().contains("reader@example.org"), key);
        }
        for (String key : List.of("subscribe.expired", "subscribe.invalid", "subscribe.confirmed")) {
            Document html = Jsoup.parse(render("subscription-notice.ftlh", Map.of("key", key, "topicTitle", "Yoga", "link", "/yoga")));
            assertEquals("/yoga", html.selectFirst("main a[href=/yoga]").attr("href"), key);
        }
        for (String key : List.of("subscribe.sent", "unsubscribe.invalid", "unsubscribe.done")) {
            render("subscription-notice.ftlh", Map.of("key", key, "topicTitle", ""));
        }
    }

    @Test
    void theDigestListsThePagesAndEndsWithTheUnsubscribeLine() {
        String text = render("mail/topic-digest.ftl", Map.of("siteName", "Verity", "topicTitle", "Yoga & breathing",
                "month", "March 2026", "topicUrl", "https://x.org/yoga", "unsubscribeUrl", "https://x.org/u?token=1.a",
                "pages", List.of(new SubscriptionMails.DigestLine("Gentle <yoga>", "Reviewed on 2 March 2026.", "https://x.org/yoga/a"))));
        assertTrue(text.contains("Gentle <yoga>\nReviewed on 2 March 2026.\nhttps://x.org/yoga/a"), "plain text, not escaped: " + text);
        assertTrue(text.contains("Yoga & breathing"), text);
        assertTrue(text.strip().endsWith("Unsubscribe: https://x.org/u?token=1.a"), text);
        String confirm = render("mail/topic-confirm.ftl", Map.of("siteName", "Verity", "topicTitle", "Yoga",
                "confirmUrl", "https://x.org/subscribe/confirm?token=abc", "hours", 48L));
        assertTrue(confirm.contains("\nhttps://x.org/subscribe/confirm?token=abc\n"), confirm);
        assertTrue(confirm.contains("48 hours"), confirm);
        assertFalse(confirm.contains("Unsubscribe:"), "nothing to unsubscribe from yet");
    }
}
