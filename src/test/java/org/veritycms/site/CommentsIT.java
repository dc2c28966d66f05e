package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.moderation.ModerationNotice;
import org.veritycms.moderation.ModerationQueue;
import org.veritycms.moderation.ModeratorAlert;
import org.veritycms.page.CommentPolicy;
import org.veritycms.shared.ReaderTokens;
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
import org.veritycms.testing.TestReaders.Reader;

/** Readers' side of comments over HTTP: posting, replies, the screens, reports, safeguarding, rate limits and CSRF. */
@ExtendWith(ArquillianExtension.class)
class CommentsIT {

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
    VerityClock clock;

    static String location(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    static Document get(String url) {
        HttpResponse<String> page = Http.get(url.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""));
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body());
    }

    @Test
    void aReaderPostsThroughThePageFormAndTheCommentAppearsWithReplyAndReportLink() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        Document shared = get(page.url());
        assertTrue(shared.select("#comments form").isEmpty(), "the shared page carries no per-reader form");
        Element write = shared.selectFirst("#comments a.comment-write");
        assertNotNull(write, "the page links to its comment form");
        HttpResponse<String> formPage = Http.get(write.attr("href"));
        assertEquals(200, formPage.statusCode());
        assertTrue(formPage.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "the form page is the reader's own");
        assertEquals(List.of(), formPage.headers().allValues("Set-Cookie"), "no cookie until the reader sends something");
        Element form = Jsoup.parse(formPage.body()).selectFirst("form.comment-form");
        assertNotNull(form, "the form page offers the form");
        String shown = form.selectFirst("input[name=shown]").val();
        Map<String, String> fields = Map.of("shown", shown, "website", "", "name", "Pat",
                "email", "pat@example.org", "body", "These stretches helped.\n\nMore at www.nhs.uk/back-pain");
        Instant now = Instant.now();
        clock.pin(now.plusSeconds(20)); // the reader took twenty seconds to write
        String back;
        try {
            HttpResponse<String> sent = Http.post(form.attr("action"), "application/x-www-form-urlencoded",
                    TestReaders.form(fields), TestAddresses.HEADER, TestAddresses.next());
            assertTrue(sent.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(ReaderTokens.COOKIE + "=")),
                    "the reader's first form gives them their cookie");
            back = location(sent);
        } finally {
            clock.release();
        }
        assertTrue(back.matches(".*" + page.url() + "\\?comment=published#comment-\\d+"), back);
        long id = Long.parseLong(back.substring(back.lastIndexOf('-') + 1));

        Reader replier = readers.newReader();
        assertTrue(location(replier.comment(page, "Sam", "Same for me.", "parent", Long.toString(id))).contains("published"));
        Document html = get(back);
        assertTrue(html.selectFirst(".comment-notice").text().contains("Your comment has been posted"));
        Element thread = html.getElementById("comment-" + id);
        assertEquals("Pat", thread.selectFirst(".comment-author").text());
        assertEquals("nofollow ugc noopener", thread.selectFirst(".comment-body a").attr("rel"));
        assertEquals("/comments/" + id + "/report", thread.selectFirst(".comment-report a").attr("href"));
        assertEquals("Same for me.", thread.parent().selectFirst(".comment-replies .comment-body").text());
        assertEquals("These 2 comments are the views of readers. Nobody has checked what they say, so they may be wrong.", html.selectFirst(".comments-disclaimer").text());
        assertFalse(html.html().contains("pat@example.org"), "the e-mail address is never shown");
        assertFalse(html.html().contains("__verity_"), "every placeholder was filled in");

        JsonObject api = Json.createReader(new StringReader(Http.get("/api/v1/pages/" + page.slug() + "/comments",
                "application/json").body())).readObject();
        assertEquals(2, api.getInt("count"));
        assertEquals("Same for me.", api.getJsonArray("comments").getJsonObject(0).getJsonArray("replies")
                .getJsonObject(0).getString("text"));
        assertFalse(api.toString().contains("pat@example.org"));
    }

    @Test
    void aCommentTheScreensRefuseComesBackInTheFormWithTheReasonAndEveryWordKept() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        Reader reader = readers.newReader();
        String body = "My physio said <b>two</b> sets.\n\nIt helped.";
        HttpResponse<String> refused = reader.comment(page, "Pat", body, "email", "pat@example.org",
                "shown", readers.stampSecondsAgo(0));
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("private, no-store", refused.headers().firstValue("Cache-Control").orElse(""));
        Document html = Jsoup.parse(refused.body());
        assertTrue(html.selectFirst(".comment-refused").text().contains("sent very soon after the page opened"),
                html.selectFirst(".comment-refused").text());
        Element form = html.selectFirst("form.comment-form");
        assertEquals(page.commentsUrl(), form.attr("action"));
        assertEquals("Pat", form.selectFirst("input[name=name]").val());
        assertEquals("pat@example.org", form.selectFirst("input[name=email]").val());
        assertEquals(body, form.selectFirst("textarea[name=body]").wholeText());
        assertFalse(refused.body().contains("__verity_"), "the form's token and stamp are filled in");

        Map<String, String> again = new java.util.LinkedHashMap<>();
        form.select("input[name], textarea[name]").forEach(f -> again.put(f.attr("name"),
                f.tagName().equals("textarea") ? f.wholeText() : f.val()));
        clock.advance(java.time.Duration.ofSeconds(20)); // the reader reads the reason and sends it again
        try {
            assertTrue(location(reader.post(form.attr("action"), again)).contains("comment=published"),
                    "sent again in time, it is no duplicate of the refused copy");
        } finally {
            clock.release();
        }
        assertEquals(List.of("REJECTED", "PUBLISHED"), probe.commentsOn(page).stream().filter(c -> c.body().equals(body))
                .map(ModerationQueue.Item::status).toList(), "the refused copy is kept for moderators");
    }

    @Test
    void theRepliesOfAHiddenCommentStayUnderALineSayingItWasRemoved() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        long id = Long.parseLong(location(readers.newReader().comment(page, "Vic", "Something readers object to"))
                .replaceFirst(".*comment-", ""));
        location(readers.newReader().comment(page, "Sam", "A harmless answer.", "parent", Long.toString(id)));
        for (int i = 0; i < 3; i++) {
            location(readers.newReader().report(id, "offensive", ""));
        }
        assertEquals("HIDDEN", probe.commentWithBody(page, "Something readers object to").status());
        Document html = get(page.url());
        Element removed = html.getElementById("comment-" + id);
        assertEquals("This comment was removed.", removed.text());
        assertFalse(html.text().contains("Something readers object to"));
        assertEquals("A harmless answer.", removed.parent().selectFirst(".comment-replies .comment-body").text());
    }

    @Test
    void aPremoderatedPageHoldsTheCommentAndTellsTheReader() {
        TestPage page = pages.publish(CommentPolicy.PREMODERATED);
        String back = location(readers.newReader().comment(page, "Lee", "Is this safe after surgery?"));
        assertTrue(back.endsWith("?comment=held#comments"), back);
        Document html = get(back);
        assertTrue(html.selectFirst(".comment-notice").text().contains("waiting for a moderator"));
        assertTrue(html.select("article.comment").isEmpty());
        assertEquals("PENDING", probe.commentWithBody(page, "Is this safe after surgery?").status());
        assertEquals(List.of("premoderated"), probe.commentWithBody(page, "Is this safe after surgery?").reasons());
    }

    @Test
    void eachScreenGivesItsVerdict() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        Reader reader = readers.newReader();
        reader.comment(page, "Bot", "Buy things", "website", "http://spam.example");
        readers.newReader().comment(page, "Bot", "Posted at once", "shown", readers.stampSecondsAgo(0));
        readers.newReader().comment(page, "Bot", "No stamp at all", "shown", "12345.forged");
        Reader twice = readers.newReader();
        twice.comment(page, "Jo", "I said this once.");
        twice.comment(page, "Jo", "I said this ONCE!");
        readers.newReader().comment(page, "Ad", "https://a.example https://b.example https://c.example");
        readers.newReader().comment(page, "Loud", "THIS PAGE IS WRONG ABOUT EVERYTHING");
        readers.newReader().comment(page, "Kim", "Ring me on 07700 900123");
        readers.newReader().comment(page, "Rude", "You wanker");
        readers.newReader().comment(page, "Seller", "Try this miracle cure");
        readers.newReader().comment(page, "Quiet", "Some days I want to die");
        readers.newReader().comment(page, "Nice", "Clear and helpful, thank you.");

        assertVerdict(page, "Buy things", "REJECTED", "honeypot");
        assertVerdict(page, "Posted at once", "REJECTED", "too-fast");
        assertVerdict(page, "No stamp at all", "REJECTED", "too-fast");
        assertVerdict(page, "I said this once.", "PUBLISHED", null);
        assertVerdict(page, "I said this ONCE!", "REJECTED", "duplicate");
        assertVerdict(page, "https://a.example https://b.example https://c.example", "PENDING", "links");
        assertVerdict(page, "THIS PAGE IS WRONG ABOUT EVERYTHING", "PENDING", "shouting");
        assertVerdict(page, "Ring me on 07700 900123", "PENDING", "personal-data");
        assertVerdict(page, "You wanker", "REJECTED", "banned-words");
        assertVerdict(page, "Try this miracle cure", "PENDING", "suspect-words");
        assertVerdict(page, "Some days I want to die", "PENDING", "safeguarding");
        assertVerdict(page, "Clear and helpful, thank you.", "PUBLISHED", null);
        Document html = get(page.url());
        assertEquals(2, html.select("article.comment").size(), "only what passed every screen is shown");
    }

    private void assertVerdict(TestPage page, String body, String status, String reason) {
        ModerationQueue.Item item = probe.commentWithBody(page, body);
        assertEquals(status, item.status(), body);
        assertEquals(reason == null ? List.of() : List.of(reason), item.reasons(), body);
        if (reason != null) {
            assertTrue(item.notes().startsWith(reason + ": "), item.notes());
        }
    }

    @Test
    void aSafeguardingConcernIsHeldAlertsModeratorsAtOnceAndShowsTheAuthorWhereToGetHelp() {
        Account moderator = probe.moderatorWithEmail();
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        String body = "Honestly I have been thinking about ending my life";
        String back = location(readers.newReader().comment(page, "Anon", body));
        assertTrue(back.endsWith("?comment=help#comments"), back);
        ModerationQueue.Item held = probe.commentWithBody(page, body);
        assertEquals("PENDING", held.status());
        assertTrue(held.urgent());
        List<ModeratorAlert> alerts = probe.alerts().stream().filter(a -> a.commentId() == held.id()).toList();
        assertEquals(1, alerts.size(), "one alert, fired while the comment was taken in");
        assertEquals(page.slug(), alerts.get(0).pageSlug());
        List<ModerationNotice> notices = probe.noticesAbout(held.id());
        assertTrue(notices.stream().anyMatch(n -> n.kind() == ModerationNotice.Kind.SAFEGUARDING_ALERT
                && n.recipient().equals(moderator.email())), "the moderator is e-mailed");
        assertTrue(notices.stream().noneMatch(n -> n.body().contains(body)), "the comment itself stays out of e-mail");
        Document html = get(back);
        Element help = html.selectFirst(".comment-notice");
        assertEquals("alert", help.attr("role"));
        assertTrue(help.text().contains("call 999 or go to A&E now, or call Samaritans free on 116 123"), help.text());
        assertTrue(html.select("article.comment").isEmpty(), "held, not shown");
    }

    @Test
    void threeReadersReportsHideACommentAndAnApprovedOneNeedsMoreNewReports() throws Exception {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        long id = Long.parseLong(location(readers.newReader().comment(page, "Vic", "Contested advice"))
                .replaceFirst(".*comment-", ""));
        Reader first = readers.newReader();
        assertTrue(location(first.report(id, "misinformation", "Not what my physio said")).contains("comment=reported"));
        assertTrue(location(first.report(id, "offensive", "")).contains("comment=already-reported"),
                "one report per reader per comment");
        location(readers.newReader().report(id, "spam", ""));
        assertNotNull(get(page.url()).getElementById("comment-" + id), "two distinct readers are not enough");
        location(readers.newReader().report(id, "other", "Third reader"));
        assertEquals(null, get(page.url()).getElementById("comment-" + id), "hidden by the third distinct reader");
        ModerationQueue.Item hidden = probe.commentWithBody(page, "Contested advice");
        assertEquals("HIDDEN", hidden.status());
        assertEquals(3, hidden.reportCount());

        Account moderator = probe.moderatorWithEmail();
        HttpResponse<String> approved = Http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Http.base() + "/api/v1/moderation/comments/" + id + "/approve"))
                .header("Authorization", TestAccounts.basic(moderator)).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, approved.statusCode(), approved.body());
        assertNotNull(get(page.url()).getElementById("comment-" + id), "back after approval");
        for (int i = 0; i < 5; i++) {
            location(readers.newReader().report(id, "offensive", ""));
        }
        assertNotNull(get(page.url()).getElementById("comment-" + id), "five new reports do not hide an approved comment");
        location(readers.newReader().report(id, "offensive", ""));
        assertEquals(null, get(page.url()).getElementById("comment-" + id), "the sixth does");
    }

    @Test
    void reportsFromOneAddressCountOnceHoweverManyCookiesTheyCarry() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        long id = Long.parseLong(location(readers.newReader().comment(page, "Vic", "Reported from one place"))
                .replaceFirst(".*comment-", ""));
        String address = TestAddresses.next();
        for (int i = 0; i < 3; i++) {
            assertTrue(location(readers.newReaderAt(address).report(id, "offensive", "")).contains("comment=reported"),
                    "each fresh cookie's report is recorded");
        }
        assertNotNull(get(page.url()).getElementById("comment-" + id), "three cookies behind one address are not three readers");
        location(readers.newReader().report(id, "offensive", ""));
        assertNotNull(get(page.url()).getElementById("comment-" + id), "two addresses are not enough");
        location(readers.newReader().report(id, "offensive", ""));
        assertEquals(null, get(page.url()).getElementById("comment-" + id), "hidden by the third distinct address");
    }

    @Test
    void theReportPageWorksWithoutScript() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        long id = Long.parseLong(location(readers.newReader().comment(page, "Vic", "Report me")).replaceFirst(".*comment-", ""));
        HttpResponse<String> form = Http.get("/comments/" + id + "/report");
        assertEquals(200, form.statusCode());
        Document html = Jsoup.parse(form.body());
        assertEquals(5, html.select("input[type=radio][name=reason]").size());
        assertEquals("Report me", html.selectFirst(".comment-body").text());
        assertEquals(List.of(), form.headers().allValues("Set-Cookie"));
        String back = location(Http.post("/comments/" + id + "/report", "application/x-www-form-urlencoded",
                TestReaders.form(Map.of("reason", "spam", "note", "")), TestAddresses.HEADER, TestAddresses.next()));
        assertTrue(back.contains(page.url() + "?comment=reported#comment-" + id), back);
        assertEquals(1, probe.commentWithBody(page, "Report me").reportCount());
        assertEquals(404, Http.get("/comments/999999999/report").statusCode());
    }

    @Test
    void aCommentSentFromAnotherSiteIsRefused() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        Reader reader = readers.newReader();
        Map<String, String> fields = Map.of("name", "X", "body", "Sent from elsewhere", "website", "", "shown", reader.stamp());
        HttpResponse<String> crossSite = Http.post(page.commentsUrl(), "application/x-www-form-urlencoded",
                TestReaders.form(fields), "Cookie", reader.cookie(), "Sec-Fetch-Site", "cross-site");
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> otherOrigin = Http.post(page.commentsUrl(), "application/x-www-form-urlencoded",
                TestReaders.form(fields), "Cookie", reader.cookie(), "Origin", "https://evil.example");
        assertEquals(403, otherOrigin.statusCode());
        assertTrue(probe.commentsOn(page).isEmpty(), "nothing was stored");
        HttpResponse<String> sameSite = Http.post(page.commentsUrl(), "application/x-www-form-urlencoded",
                TestReaders.form(fields), "Cookie", reader.cookie(), "Sec-Fetch-Site", "same-origin",
                "Origin", "https://evil.example", TestAddresses.HEADER, reader.address());
        assertEquals(303, sameSite.statusCode(), "the browser's own word that the form is this site's");
    }

    @Test
    void aReaderPostingTooOftenIsToldToWait() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        Reader reader = readers.newReader();
        HttpResponse<String> response = null;
        int accepted = 0;
        for (int i = 0; i < 40; i++) {
            response = reader.comment(page, "Chatty", "Thought number " + i + " about this page");
            if (response.statusCode() != 303) {
                break;
            }
            accepted++;
        }
        assertEquals(429, response.statusCode(), response.body());
        assertEquals(20, accepted, "the default limit is 20 comments a minute per reader");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(303, readers.newReader().comment(page, "Other", "Another reader is not held up").statusCode());
    }

    @Test
    void closedAndWithdrawnPagesTakeNoComments() {
        TestPage closed = pages.publish(CommentPolicy.CLOSED);
        assertEquals(409, readers.newReader().comment(closed, "X", "Closed?").statusCode());
        Document html = get(closed.url());
        assertTrue(html.select("a.comment-write").isEmpty());
        assertEquals(404, Http.get(closed.url() + "/comment").statusCode(), "no comment form for a closed page");
        TestPage withdrawn = pages.publish(CommentPolicy.POSTMODERATED);
        assertEquals(1, get(withdrawn.url()).select("#comments a.comment-write").size());
        assertEquals(200, Http.get(withdrawn.url() + "/comment").statusCode());
        pages.withdraw(withdrawn);
        assertEquals(409, readers.newReader().comment(withdrawn, "X", "Withdrawn?").statusCode());
        assertEquals(410, Http.get(withdrawn.url()).statusCode());
        assertEquals(410, Http.get(withdrawn.url() + "/comment").statusCode(), "nor for a withdrawn one");
        assertEquals(404, readers.newReader().comment(new TestPage("comment-tests", "no-such-page"), "X", "Y").statusCode());
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() {
        TestPage page = pages.publish(CommentPolicy.POSTMODERATED);
        HttpResponse<String> response = readers.newReader().comment(page, " ", "x".repeat(4001), "email", "not-an-address");
        assertEquals(400, response.statusCode());
        Document html = Jsoup.parse(response.body());
        assertEquals(List.of("body", "email", "name"), html.select(".field-errors strong").eachText().stream().sorted().toList(),
                "each field named, on a page whose markup is not shown as text");
        assertTrue(probe.commentsOn(page).isEmpty());
    }
}
