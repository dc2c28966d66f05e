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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.veritycms.admin.ModerationScreen;
import org.veritycms.comment.CommentText;
import org.veritycms.moderation.ModerationLog;
import org.veritycms.moderation.ModerationQueue;
import org.veritycms.site.CommentViews.CommentView;
import org.veritycms.site.CommentViews.CommentsView;
import org.veritycms.testing.SampleViews;
import org.veritycms.theme.ThemeRegistry;
import org.veritycms.theme.ThemeRenderer;

/** The comment templates render with sample models: notice, threads, forms, report page and moderation queue. */
class CommentTemplatesTest {

    static final String NASTY = "<img src=x onerror=alert(1)>";
    final ThemeRenderer renderer = new ThemeRenderer(new ThemeRegistry(List.of(Path.of("themes")), "default"), "en-GB", 0);

    static CommentView comment(long id, String author, String body, List<CommentView> replies) {
        return new CommentView(id, author, "1 May 2026", "2026-05-01T10:00:00Z", CommentText.toHtml(body),
                CommentSection.reportUrl(id), replies);
    }

    static CommentsView section(boolean open, List<CommentView> threads, int count) {
        return new CommentsView(open, true, count, threads, "/yoga/gentle-yoga/comment", "NOTICE");
    }

    Document page(CommentsView comments) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", SampleViews.page());
        model.put("pageTitle", "T");
        model.put("breadcrumbs", List.of());
        model.put("comments", comments);
        return Jsoup.parse(renderer.render("page.ftlh", model));
    }

    @Test
    void aThreadShowsTheNoticeEachCommentWithAuthorDateAndReportLinkAndRepliesOneLevelDeep() {
        CommentView reply = comment(2, "Sam", "I agree.", List.of());
        Document html = page(section(true, List.of(comment(1, NASTY, "Helpful.\n\nSee www.nhs.uk", List.of(reply)),
                comment(3, "Ali", "Thanks", List.of())), 3));
        Element comments = html.getElementById("comments");
        assertEquals("These 3 comments are the views of readers. Nobody has checked what they say, so they may be wrong.", comments.selectFirst(".comments-disclaimer").text());
        assertEquals(3, comments.select("article.comment").size());
        assertEquals(1, comments.select(".comment-replies article.comment").size(), "the reply sits under its comment");
        assertEquals(List.of("/comments/1/report", "/comments/2/report", "/comments/3/report"),
                comments.select(".comment-report a").eachAttr("href"));
        comments.select(".comment-report a").forEach(a ->
                assertEquals("Report this content as offensive or unsuitable", a.text()));
        Element first = comments.getElementById("comment-1");
        assertEquals(NASTY, first.selectFirst(".comment-author").text(), "the name is shown literally");
        assertTrue(comments.select("img").isEmpty(), "no element from a name survives");
        assertEquals("2026-05-01T10:00:00Z", first.selectFirst("time").attr("datetime"));
        assertEquals("nofollow ugc noopener", first.selectFirst(".comment-body a").attr("rel"));
    }

    @Test
    void theSharedPageLinksToTheFormPageAndCarriesNoFormOfItsOwn() {
        Document html = page(section(true, List.of(comment(1, "Jo", "Hi", List.of())), 1));
        assertEquals("This comment is the view of one reader. Nobody has checked what it says, so it may be wrong.", html.selectFirst(".comments-disclaimer").text());
        assertTrue(html.select("form.comment-form").isEmpty(), "the form, with its signed time, is on a page of its own");
        assertEquals(List.of("/yoga/gentle-yoga/comment?reply=1", "/yoga/gentle-yoga/comment"),
                html.select("#comments a[href$=/comment], #comments a[href*=/comment?]").eachAttr("href"));
        assertEquals("Reply to Jo", html.selectFirst(".comment-reply a").text());
        assertTrue(html.text().contains("A moderator checks every comment"), "the premoderated policy is explained");
        assertTrue(html.select("script").isEmpty() && html.select("[style]").isEmpty(), "nothing a strict CSP would block");
        assertTrue(html.html().contains("NOTICE"), "the notice placeholder is in the page");
        assertTrue(html.select("input[name=csrf]").isEmpty(), "no per-reader token in the shared page");
    }

    @Test
    void theFormPageCarriesTheStampAndTheHoneypotAndShowsTheCommentAnswered() {
        CommentViews.WriteView write = new CommentViews.WriteView("Gentle yoga", "/yoga/gentle-yoga",
                "/yoga/gentle-yoga/comments", true, "STAMP", "1", comment(1, NASTY, "Hi", List.of()), false);
        Document html = Jsoup.parse(renderer.render("comment-write.ftlh", Map.of("write", write,
                "pageTitle", "Gentle yoga", "breadcrumbs", List.of(new Views.Link("Yoga", "/yoga"),
                        new Views.Link("Gentle yoga", "/yoga/gentle-yoga")))));
        assertEquals("Reply to a comment on Gentle yoga", html.selectFirst("h1").text());
        assertEquals("Home Yoga Gentle yoga Reply", html.selectFirst("nav.breadcrumb").text(), "the trail goes on from the page");
        assertEquals("/yoga/gentle-yoga", html.select("nav.breadcrumb a").last().attr("href"));
        Element form = html.selectFirst("form.comment-form");
        assertEquals("post", form.attr("method"));
        assertEquals("/yoga/gentle-yoga/comments", form.attr("action"));
        assertEquals("STAMP", form.selectFirst("input[name=shown]").val());
        assertEquals("1", form.selectFirst("input[name=parent]").val());
        assertEquals("", form.selectFirst(".comment-trap input[name=website]").val());
        assertEquals("4000", form.selectFirst("textarea[name=body]").attr("maxlength"));
        assertEquals(NASTY, html.selectFirst("blockquote .comment-author").text(), "the answered comment's author, as text");
        assertTrue(html.select("img, script").isEmpty());
        assertEquals(html.selectFirst("form.comment-form"), html.selectFirst(".comment-advice").nextElementSibling(),
                "the advice stands just above the form");
        assertTrue(html.text().contains("A moderator checks every comment"), "the premoderated policy is explained");

        CommentViews.WriteView fresh = new CommentViews.WriteView("Gentle yoga", "/yoga/gentle-yoga",
                "/yoga/gentle-yoga/comments", false, "STAMP", "", null, true);
        Document first = Jsoup.parse(renderer.render("comment-write.ftlh", Map.of("write", fresh,
                "pageTitle", "Gentle yoga", "breadcrumbs", List.of())));
        assertEquals("Comment on Gentle yoga", first.selectFirst("h1").text());
        assertTrue(first.selectFirst("form").select("input[name=parent]").isEmpty());
        assertTrue(first.text().contains("no longer on the page"), "a reply to a comment gone becomes a new comment");
    }

    @Test
    void theRepliesOfARemovedCommentStayUnderALineSayingItWasRemoved() {
        CommentView reply = comment(4, "Sam", "Gentle stretches helped me.", List.of());
        Document html = page(section(true, List.of(comment(1, "Jo", "Hi", List.of()),
                CommentView.takenDown(3, List.of(reply))), 2));
        Element removed = html.getElementById("comment-3");
        assertEquals("This comment was removed.", removed.text());
        Element thread = removed.parent();
        assertEquals(List.of("Sam"), thread.select(".comment-replies .comment-author").eachText());
        assertEquals("Replies to a removed comment", thread.selectFirst(".comment-replies").attr("aria-label"));
        assertTrue(thread.select(".comment-reply").isEmpty(), "nobody can reply to a removed comment");
        assertEquals(2, html.select("article.comment").size(), "nothing of the removed comment is shown");
    }

    @Test
    void theSectionAsksReadersToKeepMedicalDetailsPrivateAndSaysWhereToGetAdvice() {
        Document html = page(section(true, List.of(), 0));
        Element advice = html.selectFirst(".comment-advice");
        assertEquals("Write a comment", advice.nextElementSibling().text(), "the advice stands just above the way to the form");
        assertTrue(advice.text().contains("do not share personal medical details"), advice.text());
        assertTrue(advice.text().contains("call NHS 111. In an emergency, call 999."), advice.text());
    }

    @Test
    void aRefusedCommentComesBackInTheFormWithTheReasonAndEveryWordKept() {
        CommentViews.RetryView retry = new CommentViews.RetryView("Gentle yoga", "/yoga/gentle-yoga",
                "/yoga/gentle-yoga/comments", "STAMP", "7", NASTY, "jo@example.org", "Line one\n" + NASTY,
                CommentPlaceholders.refusalReasons(List.of("too-fast", "honeypot", "links")));
        Document html = Jsoup.parse(renderer.render("comment-retry.ftlh", Map.of("retry", retry,
                "pageTitle", "Your comment was not posted", "breadcrumbs", List.of())));
        assertEquals("Your comment was not posted", html.selectFirst("h1").text());
        assertEquals(List.of("it was sent very soon after the page opened, which is what automated spam does."
                + " Please check it and send it again.", "it looks like spam or breaks the rules for comments."),
                html.select(".comment-refused li").eachText());
        Element form = html.selectFirst("form.comment-form");
        assertEquals("/yoga/gentle-yoga/comments", form.attr("action"));
        assertTrue(form.select("input[name=csrf]").isEmpty(), "a readers' form has no token");
        assertEquals("STAMP", form.selectFirst("input[name=shown]").val());
        assertEquals("7", form.selectFirst("input[name=parent]").val());
        assertEquals(NASTY, form.selectFirst("input[name=name]").val());
        assertEquals("jo@example.org", form.selectFirst("input[name=email]").val());
        assertEquals("Line one\n" + NASTY, form.selectFirst("textarea[name=body]").val());
        assertTrue(html.select("img").isEmpty(), "what the reader wrote stays text");
        assertFalse(html.html().contains("??"));
    }

    @Test
    void aClosedPageShowsItsCommentsWithoutForms() {
        Document html = page(section(false, List.of(comment(1, "Jo", "Hi", List.of())), 1));
        assertTrue(html.select("a[href$=/comment], a[href*=/comment?]").isEmpty(), "no way to write");
        assertTrue(html.text().contains("Comments are closed on this page."));
        assertEquals(1, html.select("article.comment").size());
    }

    @Test
    void everyNoticeRendersAndTheSafeguardingOneSaysWhereToGetHelp() {
        for (String notice : CommentPlaceholders.NOTICES) {
            String html = renderer.render("comment-notice.ftlh", Map.of("notice", notice));
            assertFalse(Jsoup.parse(html).text().isBlank(), notice);
            assertFalse(html.contains("??"), notice);
        }
        String help = Jsoup.parse(renderer.render("comment-notice.ftlh", Map.of("notice", "help"))).text();
        assertTrue(help.contains("call 999 or go to A&E now, or call Samaritans free on 116 123"), help);
    }

    @Test
    void theReportPageOffersEveryReasonWithItsLabel() {
        CommentViews.ReportView report = new CommentViews.ReportView(5, NASTY, "1 May 2026", "2026-05-01T10:00:00Z",
                CommentText.toHtml(NASTY), "Gentle yoga", "/yoga/gentle-yoga", "/comments/5/report", CommentSection.REASONS);
        Document html = Jsoup.parse(renderer.render("comment-report.ftlh", Map.of("report", report,
                "pageTitle", "Report a comment", "breadcrumbs", List.of())));
        assertEquals(List.of("offensive", "spam", "personal-information", "misinformation", "other"),
                html.select("input[name=reason]").eachAttr("value"));
        html.select("input[name=reason] + label").forEach(l -> assertFalse(l.text().contains("??"), l.text()));
        assertEquals("/comments/5/report", html.selectFirst("form").attr("action"));
        assertTrue(html.select("img").isEmpty());
        assertTrue(html.text().contains(NASTY));
    }

    @Test
    void theModerationQueueShowsTextLiterallyAndOffersTheDecisionsTheStatusAllows() {
        ModerationQueue.Item held = new ModerationQueue.Item(9, "gentle-yoga", "Gentle <b>yoga</b>", "/yoga/gentle-yoga", null,
                NASTY, true, "Line one\n<script>alert(1)</script>", "PENDING", true, List.of("safeguarding"),
                "safeguarding: read it now", "2026-05-01T10:00:00Z", 2, Map.of("spam", 2L), false, null, null);
        Map<String, Object> model = new HashMap<>();
        model.put("pageTitle", "Moderation queue");
        model.put("who", "Mo");
        model.put("csrf", "TOKEN");
        model.put("filter", new ModerationQueue.Filter(null, null, null, 0, 0));
        model.put("total", 1L);
        model.put("rows", List.of(new ModerationScreen.Row(held, "1 May 2026 11:00", List.of("It tells people to stop <b>tablets</b>"))));
        model.put("statuses", List.of("open", "all", "PENDING"));
        model.put("reasons", List.of("safeguarding"));
        model.put("rejections", List.of("offensive", "other"));
        model.put("done", 2);
        model.put("skipped", 0);
        model.put("next", -1);
        Document html = Jsoup.parse(renderer.render("admin/moderation.ftlh", model));
        Element item = html.getElementById("item-9");
        assertTrue(item.hasClass("queue-urgent"));
        assertEquals("Line one\n<script>alert(1)</script>", item.selectFirst(".queue-text").wholeText());
        // the admin's own script is the one script element; nothing from a comment, name or title survives
        assertEquals(List.of("/assets/js/admin.js"), html.select("script").eachAttr("src"));
        assertTrue(html.select("img, b").isEmpty(), "no element from a comment, name or title survives");
        assertEquals(List.of("approve:9", "reject:9", "spam:9"), item.select("button[name=decide]").eachAttr("value"));
        assertTrue(html.text().contains("2 decisions made"));

        ModerationLog.Entry entry = new ModerationLog.Entry(1, 9, "gentle-yoga", "HIDDEN_BY_REPORTS", "readers", "PUBLISHED",
                "HIDDEN", "3 reports", null, "2026-05-01T10:00:00Z");
        String log = renderer.render("admin/moderation-log.ftlh", Map.of("pageTitle", "Log", "who", "Mo", "offset", 0,
                "entries", List.of(new ModerationScreen.LogRow(entry, "1 May 2026 11:00"))));
        assertTrue(Jsoup.parse(log).text().contains("hidden by reports"));
        assertEquals(List.of("It tells people to stop <b>tablets</b>"), html.select("ul.report-notes li").eachText(),
                "a reporter's note is shown as text");
        assertTrue(html.select("ul.report-notes b").isEmpty());
    }
}
