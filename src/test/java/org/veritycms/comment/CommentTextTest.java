package org.veritycms.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.veritycms.testing.XssCorpus;

class CommentTextTest {

    static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    @Test
    void blankLinesMakeParagraphsAndSingleLineBreaksStay() {
        Element html = body(CommentText.toHtml("First paragraph.\n\n\nSecond, line one\nline two\r\n\r\nThird"));
        Elements paragraphs = html.select("p");
        assertEquals(3, paragraphs.size(), html.html());
        assertEquals("First paragraph.", paragraphs.get(0).text());
        assertEquals(1, paragraphs.get(1).select("br").size());
        assertEquals("Second, line one line two", paragraphs.get(1).text());
    }

    @Test
    void webAddressesAreLinkedWithNofollowUgcNoopener() {
        Element html = body(CommentText.toHtml("See https://www.nhs.uk/conditions/back-pain/. Or www.example.org, or"
                + " (https://en.wikipedia.org/wiki/Pilates_(exercise)) too"));
        Elements links = html.select("a");
        assertEquals(List.of("https://www.nhs.uk/conditions/back-pain/", "https://www.example.org",
                "https://en.wikipedia.org/wiki/Pilates_%28exercise%29"), links.eachAttr("href"), "the sanitizer encodes brackets");
        links.forEach(a -> assertEquals("nofollow ugc noopener", a.attr("rel")));
        assertEquals("www.example.org", links.get(1).text());
        assertTrue(html.text().contains("back-pain/. Or"), "the full stop is not part of the address");
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        Element html = body(CommentText.toHtml("javascript:alert(1) and ftp://files.example.org and mailto:a@b.org"));
        assertTrue(html.select("a").isEmpty(), html.html());
        assertEquals("javascript:alert(1) and ftp://files.example.org and mailto:a@b.org", html.text());
    }

    @Test
    void linkCountingFindsEveryAddress() {
        assertEquals(3, CommentText.countLinks("http://a.example https://b.example/x www.c.example"));
        assertEquals(0, CommentText.countLinks("no links here, just www and http"));
    }

    @Test
    void everyPayloadOfTheCorpusComesOutAsLiteralText() {
        List<String> payloads = XssCorpus.payloads();
        assertTrue(payloads.size() >= 50, "a corpus of at least 50 payloads");
        for (String payload : payloads) {
            String html = CommentText.toHtml(payload);
            Element parsed = body(html);
            XssCorpus.assertOnlySafeMarkup(parsed, payload);
            assertEquals(XssCorpus.asText(payload), parsed.text(), "shown literally: " + html);
        }
    }
}
