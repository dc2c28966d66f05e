package org.veritycms.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.rating.RatingService;
import org.veritycms.rating.Stars;
import org.veritycms.page.CommentPolicy;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestLibraries;
import org.veritycms.testing.TestPages;

/**
 * The editorial journey in the admin's own forms, as a browser makes it: sign in, write a page,
 * preview it, submit it, have another person approve exactly what they saw on the review screen,
 * publish it and read it live; then propose a change to the live page, which readers do not see
 * until it is approved and published. Forms are sent as a browser sends them: every control the
 * screen holds, with the button pressed.
 */
@ExtendWith(ArquillianExtension.class)
class AdminJourneyIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String BODY = "Sit tall on a firm chair.\r\n\r\n## When to stop\r\n\r\nStop if your pain spreads.\r\n\r\n"
            + "## When to get help\r\n\r\nSee a GP if it is no better after 2 weeks.\r\n";
    private static final String EVIDENCE = "- title: Exercise for back pain\n  url: https://example.org/back\n"
            + "  publisher: A health body\n  accessed: 2026-10-01\n";

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, Sessions.class, TestLibraries.class, TestPages.class)
                .addAsLibrary(TestLibraries.jarOf(Jsoup.class));
    }

    @Inject
    TestAccounts accounts;

    @Inject
    TestPages pages;

    @Inject
    RatingService ratings;

    /** A signed-in browser: its session cookie and the CSRF token its forms carry. */
    record Browser(String cookie, String csrf) {
        static Browser signIn(Account account) {
            String cookie = Sessions.signIn(account.username());
            HttpResponse<String> home = Sessions.get(cookie, "/admin");
            Matcher m = CSRF.matcher(home.body());
            assertTrue(m.find(), "the dashboard carries a CSRF token");
            return new Browser(cookie, m.group(1));
        }

        HttpResponse<String> get(String path) {
            return Sessions.get(cookie, path);
        }

        Document open(String path) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
            return Jsoup.parse(r.body());
        }

        /** Fields written by hand (the session's token added unless given). */
        HttpResponse<String> post(String path, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.putIfAbsent("csrf", csrf);
            List<String[]> pairs = new ArrayList<>();
            all.forEach((k, v) -> pairs.add(new String[] {k, v}));
            return send(path, pairs);
        }

        HttpResponse<String> send(String path, List<String[]> pairs) {
            String body = pairs.stream().map(p -> enc(p[0]) + "=" + enc(p[1])).collect(Collectors.joining("&"));
            return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
    }

    /**
     * A form on a screen, as the browser holds it: its successful controls in document order
     * (text areas with CRLF line ends, as browsers send them), which a test may change before it
     * presses one of the form's buttons.
     */
    static final class Form {
        private final Element form;
        private final List<Control> controls = new ArrayList<>();

        private record Control(String name, String id, String[] value) {
        }

        private Form(Element form) {
            this.form = form;
            for (Element c : form.select("input[name], textarea[name], select[name]")) {
                if (c.hasAttr("disabled")) {
                    continue;
                }
                String type = c.attr("type").toLowerCase(java.util.Locale.ROOT);
                if ((type.equals("checkbox") || type.equals("radio")) && !c.hasAttr("checked")) {
                    continue;
                }
                if (type.equals("submit") || type.equals("button") || type.equals("image") || type.equals("file")) {
                    continue;
                }
                String value;
                if (c.is("textarea")) {
                    value = c.wholeText().replace("\r\n", "\n").replace("\n", "\r\n");
                } else if (c.is("select")) {
                    Element chosen = c.selectFirst("option[selected]");
                    chosen = chosen == null ? c.selectFirst("option") : chosen;
                    value = chosen == null ? "" : chosen.hasAttr("value") ? chosen.attr("value") : chosen.text();
                } else if ((type.equals("checkbox") || type.equals("radio")) && !c.hasAttr("value")) {
                    value = "on";
                } else {
                    value = c.attr("value");
                }
                controls.add(new Control(c.attr("name"), c.id(), new String[] {value}));
            }
        }

        /** The form on this screen whose action is {@code action}; the test fails when the screen has none. */
        static Form on(HttpResponse<String> screen, String action) {
            assertEquals(200, screen.statusCode(), screen.body());
            return on(Jsoup.parse(screen.body()), action);
        }

        static Form on(Document screen, String action) {
            Element form = screen.selectFirst("form[method=post][action=" + action + "]");
            assertNotNull(form, "the screen has a form posting to " + action);
            return new Form(form);
        }

        /** Types into the first control of this name (which the form must have). */
        Form set(String name, String value) {
            control(c -> c.name().equals(name), name).value()[0] = value;
            return this;
        }

        /** Types into the control with this id (for two controls of one name). */
        Form setById(String id, String value) {
            control(c -> c.id().equals(id), "#" + id).value()[0] = value;
            return this;
        }

        /** Leaves the control out, as if the screen had not held it. */
        Form without(String name) {
            controls.removeIf(c -> c.name().equals(name));
            return this;
        }

        String value(String name) {
            return control(c -> c.name().equals(name), name).value()[0];
        }

        boolean has(String buttonSelector) {
            return form.selectFirst(buttonSelector) != null;
        }

        /** Presses the button {@code buttonSelector} finds (the test fails when the form has none). */
        HttpResponse<String> press(Browser browser, String buttonSelector) {
            Element button = form.selectFirst(buttonSelector);
            assertNotNull(button, "the form has a button " + buttonSelector + ": " + form.select("button"));
            List<String[]> pairs = new ArrayList<>();
            controls.forEach(c -> pairs.add(new String[] {c.name(), c.value()[0]}));
            if (button.hasAttr("name")) {
                pairs.add(new String[] {button.attr("name"), button.attr("value")});
            }
            return browser.send(button.hasAttr("formaction") ? button.attr("formaction") : form.attr("action"), pairs);
        }

        private Control control(java.util.function.Predicate<Control> which, String what) {
            return controls.stream().filter(which).findFirst()
                    .orElseThrow(() -> new AssertionError("the form has no control " + what + ": " + form.attr("action")));
        }
    }

    private static String location(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), () -> Jsoup.parse(r.body()).select("[role=alert]").text());
        URI uri = URI.create(r.headers().firstValue("Location").orElseThrow());
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    /** A new page written in the editor's form by this browser; answers where the editor went. */
    private static String write(Browser browser, String slug, String title, String body) {
        Form form = Form.on(browser.get("/admin/pages/new"), "/admin/pages/new").set("slug", slug).set("topic", "exercise")
                .set("title", title).set("summary", "Gentle seated exercises for a stiff back.").set("owner", "physio-team")
                .set("body", body).set("evidence", EVIDENCE).set("changeNote", "First draft");
        return location(form.press(browser, "button[value=save]"));
    }

    private static Form editor(Browser browser, String slug) {
        return Form.on(browser.get("/admin/pages/" + slug), "/admin/pages/" + slug);
    }

    /** The page as an anonymous reader gets it. */
    private static HttpResponse<String> asReader(String slug) {
        return Http.get("/exercise/" + slug);
    }

    private static List<String> auditActions(Browser editor, String slug) {
        Document audit = editor.open("/admin/audit?subject=" + slug);
        return audit.select("tbody tr td:nth-child(3) code").eachText();
    }

    @Test
    void aPageIsWrittenReviewedPublishedAndChangedThroughTheAdminForms() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = "journey-" + RUN;
        Browser authorBrowser = Browser.signIn(author);
        Browser reviewerBrowser = Browser.signIn(reviewer);
        Browser editorBrowser = Browser.signIn(editor);

        // The author previews unsaved text in the public theme, then saves it as a draft.
        Form fresh = Form.on(authorBrowser.get("/admin/pages/new"), "/admin/pages/new").set("slug", slug)
                .set("topic", "exercise").set("title", "Seated back stretches").set("summary", "Gentle exercises.")
                .set("body", "Some **bold** advice.\r\n\r\n<script>alert(1)</script>\r\n");
        HttpResponse<String> preview = fresh.press(authorBrowser, "button[formaction=/admin/pages/new/preview]");
        assertEquals(200, preview.statusCode(), preview.body());
        Document previewed = Jsoup.parse(preview.body());
        assertEquals("Seated back stretches", previewed.selectFirst("article h1").text());
        assertEquals("bold", previewed.select("article .body strong").text(), "the preview renders Markdown");
        assertTrue(previewed.select("article script").isEmpty(), "and never runs raw HTML");
        assertTrue(previewed.select(".notice-preview").text().contains("not saved"), previewed.select(".notice-preview").text());
        assertEquals(404, asReader(slug).statusCode(), "a preview saves nothing");

        assertEquals("/admin/pages/" + slug + "?done=created", write(authorBrowser, slug, "Seated back stretches", BODY));
        assertEquals(404, asReader(slug).statusCode(), "a draft is not public");
        Form draft = editor(authorBrowser, slug);
        assertFalse(draft.has("button[value=step:approve]"), "an author cannot approve");
        assertEquals("/admin/pages/" + slug + "?done=submit", location(draft.press(authorBrowser, "button[value=step:submit]")));

        // The reviewer finds it waiting and reviews what readers will see, exactly.
        Document dashboard = reviewerBrowser.open("/admin");
        assertTrue(dashboard.select("a[href=/admin/pages/" + slug + "]").size() > 0, "the page waits on the reviewer's dashboard");
        assertTrue(dashboard.select("svg.chart").size() > 0, "with the review forecast");
        assertTrue(reviewerBrowser.open("/admin/pages/" + slug).select("a[href=/admin/pages/" + slug + "/review]").size() > 0,
                "the editor links to the review screen");
        Document review = reviewerBrowser.open("/admin/pages/" + slug + "/review");
        Element frame = review.selectFirst("section[aria-labelledby=working-title] iframe.review-frame");
        assertNotNull(frame, "the revision under review is rendered in a frame");
        Document shown = Jsoup.parse(frame.attr("srcdoc"));
        assertEquals("Seated back stretches", shown.selectFirst("article h1").text());
        assertTrue(shown.select("article .body").text().contains("Stop if your pain spreads."));
        assertTrue(shown.select(".page-review").text().contains(reviewer.displayName()),
                "with the review box approving it would give: " + shown.select(".page-review").text());
        assertTrue(review.select("ol.diff .diff-added").text().contains("title: Seated back stretches"), review.select("ol.diff").text());
        assertTrue(review.select("ol.diff .diff-added").text().contains("Stop if your pain spreads."));
        assertTrue(review.select("ol.diff .diff-removed").isEmpty(), "nothing was reviewed before");
        assertEquals(List.of("1"), review.select("table.data tbody th[scope=row]").eachText(), "the approval covers revision 1");
        assertTrue(review.select(".tag-warning").isEmpty(), "none of it is the reviewer's own");
        assertTrue(review.select("section[aria-labelledby=live-title]").isEmpty(), "nothing is live yet");
        Form approval = Form.on(review, "/admin/pages/" + slug + "/approve");
        assertEquals("1", approval.value("revision"));
        approval.set("note", "Matches the current guideline");
        assertEquals("/admin/pages/" + slug + "?done=approve", location(approval.press(reviewerBrowser, "button[value=approve]")));
        assertEquals(404, asReader(slug).statusCode(), "approved is not yet published");

        // The editor gives it a publication time in the schedule, then publishes it now instead.
        String later = LocalDate.now().plusDays(10) + "T09:00";
        Form approved = editor(editorBrowser, slug);
        assertTrue(editorBrowser.open("/admin/pages/" + slug).select("dl.facts").text().contains("Approved by " + reviewer.displayName()));
        assertEquals("/admin/pages/" + slug + "?done=scheduled",
                location(approved.setById("publish-at", later).press(editorBrowser, "button[value=schedule]")));
        Document scheduled = editorBrowser.open("/admin/pages/" + slug);
        assertEquals(later, scheduled.selectFirst("input#publish-at").attr("value"), "the schedule keeps the time typed");
        assertEquals(404, asReader(slug).statusCode(), "a page scheduled for later is not live yet");
        assertEquals("/admin/pages/" + slug + "?done=publish",
                location(Form.on(scheduled, "/admin/pages/" + slug).press(editorBrowser, "button[value=step:publish]")));

        HttpResponse<String> live = asReader(slug);
        assertEquals(200, live.statusCode());
        Document page = Jsoup.parse(live.body());
        assertEquals("Seated back stretches", page.selectFirst("article h1").text());
        assertEquals(shown.selectFirst("article .body").html(), page.selectFirst("article .body").html(),
                "readers get exactly the body the reviewer approved");
        assertEquals(shown.selectFirst("article .evidence").html(), page.selectFirst("article .evidence").html());
        assertTrue(page.select(".page-review").text().contains(reviewer.displayName()), page.select(".page-review").text());

        // The author proposes a change to the live page: readers keep the live revision.
        Document liveEditor = authorBrowser.open("/admin/pages/" + slug);
        assertEquals("Live", liveEditor.selectFirst("#live-title").text());
        assertEquals("Pending change", liveEditor.selectFirst("#working-title").text());
        String changed = BODY.replace("Stop if your pain spreads.", "Stop if your pain spreads down a leg.");
        assertEquals("/admin/pages/" + slug + "?done=saved", location(Form.on(liveEditor, "/admin/pages/" + slug)
                .set("body", changed).set("changeNote", "Say where pain spreads").press(authorBrowser, "button[value=save]")));
        assertLiveReads(slug, "Stop if your pain spreads.", "down a leg");
        Document pending = authorBrowser.open("/admin/pages/" + slug);
        assertTrue(pending.select("section[aria-labelledby=working-title]").text().contains("Draft"),
                pending.select("section[aria-labelledby=working-title]").text());
        assertTrue(pending.select("a[href=/admin/pages/" + slug + "/diff?from=1&to=2]").size() > 0, "compare with live");
        // Submitting with unsaved text saves it first.
        String submitted = changed.replace("after 2 weeks", "after 1 week");
        assertEquals("/admin/pages/" + slug + "?done=submit", location(Form.on(pending, "/admin/pages/" + slug)
                .set("body", submitted).set("changeNote", "Sooner").press(authorBrowser, "button[value=step:submit]")));
        assertLiveReads(slug, "after 2 weeks", "after 1 week");

        // The reviewer sees the change, the live page beside it, and approves revision 3.
        Document changeReview = reviewerBrowser.open("/admin/pages/" + slug + "/review");
        Document working = Jsoup.parse(changeReview.selectFirst("section[aria-labelledby=working-title] iframe.review-frame")
                .attr("srcdoc"));
        assertTrue(working.select("article .body").text().contains("spreads down a leg"));
        assertTrue(working.select("article .body").text().contains("after 1 week"));
        Document livePreview = Jsoup.parse(changeReview.selectFirst("section[aria-labelledby=live-title] iframe.review-frame")
                .attr("srcdoc"));
        assertTrue(livePreview.select("article .body").text().contains("after 2 weeks"), "the live revision beside it");
        Element workingSection = changeReview.selectFirst("section[aria-labelledby=working-title]");
        assertTrue(workingSection.select("h3").text().contains("revision 1 to 3"), workingSection.select("h3").text());
        assertTrue(workingSection.select(".diff-removed").text().contains("Stop if your pain spreads."));
        assertTrue(workingSection.select(".diff-added").text().contains("Stop if your pain spreads down a leg."));
        assertTrue(workingSection.select(".diff-added").text().contains("after 1 week"));
        assertEquals(List.of("3", "2"), workingSection.select("table.data tbody th[scope=row]").eachText(),
                "the approval covers revisions 2 and 3, newest first");
        Form changeApproval = Form.on(changeReview, "/admin/pages/" + slug + "/approve");
        assertEquals("3", changeApproval.value("revision"));
        assertEquals("/admin/pages/" + slug + "?done=approve",
                location(changeApproval.press(reviewerBrowser, "button[value=approve]")));
        assertLiveReads(slug, "after 2 weeks", "after 1 week");

        // Publishing acts on the saved revision only: with unsaved text the editor is asked to save first.
        Form approvedChange = editor(editorBrowser, slug);
        String typed = submitted + "\r\nA line the editor has not saved.\r\n";
        HttpResponse<String> unsaved = approvedChange.set("body", typed).press(editorBrowser, "button[value=step:publish]");
        assertEquals(409, unsaved.statusCode());
        Document refused = Jsoup.parse(unsaved.body());
        assertTrue(refused.select("[role=alert]").text().contains("not saved"), refused.select("[role=alert]").text());
        assertTrue(refused.selectFirst("textarea[name=body]").wholeText().contains("A line the editor has not saved."));
        assertLiveReads(slug, "after 2 weeks", "after 1 week");
        assertEquals("/admin/pages/" + slug + "?done=publish",
                location(editor(editorBrowser, slug).press(editorBrowser, "button[value=step:publish]")));
        assertLiveReads(slug, "Stop if your pain spreads down a leg.", "after 2 weeks");
        assertTrue(Jsoup.parse(asReader(slug).body()).select("article .body").text().contains("after 1 week"));

        Document history = editorBrowser.open("/admin/pages/" + slug + "/revisions");
        assertEquals(List.of("3", "2", "1"), history.select("tbody th[scope=row]").eachText());
        assertTrue(history.selectFirst("tbody tr").select(".tag-ok").text().contains("live"), "revision 3 is live");
        assertEquals(List.of("page.publish", "page.approve", "page.submit", "page.change", "page.change", "page.publish",
                "page.schedule", "page.approve", "page.submit", "page.create"), auditActions(editorBrowser, slug));
    }

    /** The public page reads {@code present} and not {@code absent}. */
    private static void assertLiveReads(String slug, String present, String absent) {
        HttpResponse<String> r = asReader(slug);
        assertEquals(200, r.statusCode());
        String text = Jsoup.parse(r.body()).select("article .body").text();
        assertTrue(text.contains(present), "readers read '" + present + "': " + text);
        assertFalse(text.contains(absent), "readers do not read '" + absent + "': " + text);
    }

    @Test
    void aStaleSaveAnswers409AndKeepsEveryWordTyped() {
        Browser one = Browser.signIn(accounts.create(Role.EDITOR));
        Browser two = Browser.signIn(accounts.create(Role.EDITOR));
        String slug = "stale-" + RUN;
        write(one, slug, "First title", BODY);
        Form first = editor(one, slug);
        Form second = editor(two, slug);
        assertEquals(first.value("version"), second.value("version"));

        location(first.set("title", "Edited by one").press(one, "button[value=save]"));
        String mine = BODY + "\r\nA paragraph only the second editor wrote.\r\n";
        HttpResponse<String> refused = second.set("title", "Edited by two").set("body", mine).set("changeNote", "Mine")
                .press(two, "button[value=save]");
        assertEquals(409, refused.statusCode());
        Document form = Jsoup.parse(refused.body());
        assertTrue(form.selectFirst("[role=alert]").text().contains("Someone else saved"), form.selectFirst("[role=alert]").text());
        assertEquals("Edited by two", form.selectFirst("input[name=title]").attr("value"));
        assertTrue(form.selectFirst("textarea[name=body]").wholeText().contains("only the second editor wrote"));
        assertEquals("Mine", form.selectFirst("input[name=changeNote]").attr("value"));
        assertEquals(List.of("2", "1"), one.open("/admin/pages/" + slug + "/revisions").select("tbody th[scope=row]").eachText(),
                "the refused save recorded nothing");

        Document diff = one.open("/admin/pages/" + slug + "/diff?from=1&to=2");
        assertTrue(diff.select(".diff-added").text().contains("title: Edited by one"), diff.select(".diff").text());
        assertTrue(diff.select(".diff-removed").text().contains("title: First title"));

        // Having compared, the second editor saves their text over it knowingly from the form they got back.
        location(Form.on(form, "/admin/pages/" + slug).press(two, "button[value=save]"));
        Document after = one.open("/admin/pages/" + slug + "/diff?from=2&to=3");
        assertTrue(after.select(".diff-added").text().contains("title: Edited by two"), after.select(".diff").text());
        assertTrue(after.select(".diff-added").text().contains("only the second editor wrote"));
    }

    @Test
    void approvingARevisionThatIsNoLongerTheWorkingOneAnswers409AndRecordsNothing() {
        Browser author = Browser.signIn(accounts.create(Role.AUTHOR));
        Browser reviewer = Browser.signIn(accounts.create(Role.CLINICAL_REVIEWER));
        Browser editor = Browser.signIn(accounts.create(Role.EDITOR));
        String slug = "moved-" + RUN;
        write(author, slug, "Neck stretches", BODY);
        location(editor(author, slug).press(author, "button[value=step:submit]"));
        Form opened = Form.on(reviewer.get("/admin/pages/" + slug + "/review"), "/admin/pages/" + slug + "/approve");
        assertEquals("1", opened.value("revision"));

        // While the reviewer reads revision 1, the author saves revision 2 (back to draft) and submits it.
        location(editor(author, slug).set("body", BODY.replace("2 weeks", "3 days")).press(author, "button[value=save]"));
        location(editor(author, slug).press(author, "button[value=step:submit]"));

        HttpResponse<String> stale = opened.set("note", "Looks right").press(reviewer, "button[value=approve]");
        assertEquals(409, stale.statusCode(), stale.body());
        Document again = Jsoup.parse(stale.body());
        assertTrue(again.select("[role=alert]").text().contains("Revision 1 is not the current revision"),
                again.select("[role=alert]").text());
        assertEquals("2", Form.on(again, "/admin/pages/" + slug + "/approve").value("revision"),
                "the screen now asks about revision 2");
        assertFalse(auditActions(editor, slug).contains("page.approve"), "no approval was recorded");
        Document page = editor.open("/admin/pages/" + slug);
        assertFalse(page.select("dl.facts").text().contains("Approved by"), page.select("dl.facts").text());
        assertFalse(Form.on(page, "/admin/pages/" + slug).has("button[value=step:publish]"), "there is nothing to publish");
        assertEquals(404, asReader(slug).statusCode());

        Form current = Form.on(reviewer.get("/admin/pages/" + slug + "/review"), "/admin/pages/" + slug + "/approve");
        assertEquals("/admin/pages/" + slug + "?done=approve", location(current.press(reviewer, "button[value=approve]")));
        assertEquals(1, auditActions(editor, slug).stream().filter("page.approve"::equals).count());
        assertTrue(editor.open("/admin/pages/" + slug).select("dl.facts").text().contains("(revision 2)"));
    }

    @Test
    void thePageListFiltersSearchesAndSorts() {
        Browser author = Browser.signIn(accounts.create(Role.AUTHOR));
        String marker = "zq" + RUN;
        write(author, "list-a-" + RUN, "Ankle " + marker, BODY);
        write(author, "list-b-" + RUN, "Back " + marker, BODY);
        location(editor(author, "list-b-" + RUN).press(author, "button[value=step:submit]"));

        Document byTitle = author.open("/admin/pages?q=" + marker.toUpperCase(java.util.Locale.ROOT) + "&sort=title");
        assertEquals(List.of("Ankle " + marker, "Back " + marker), byTitle.select("tbody th[scope=row]").eachText());
        assertEquals("ascending", byTitle.selectFirst("th[aria-sort] a[href*=sort=-title]").parent().attr("aria-sort"));
        assertEquals(marker.toUpperCase(java.util.Locale.ROOT), byTitle.selectFirst("input[name=q]").attr("value"));
        Document reversed = author.open("/admin/pages?q=" + marker + "&sort=-title");
        assertEquals(List.of("Back " + marker, "Ankle " + marker), reversed.select("tbody th[scope=row]").eachText());
        Document inReview = author.open("/admin/pages?q=" + marker + "&status=IN_REVIEW");
        assertEquals(List.of("Back " + marker), inReview.select("tbody th[scope=row]").eachText());
        Document none = author.open("/admin/pages?q=" + marker + "&status=PUBLISHED");
        assertTrue(none.select("tbody th[scope=row]").isEmpty());
    }

    @Test
    void formsWithAForgedTokenAreRefusedAndRolesAreEnforcedOnScreens() {
        Account editor = accounts.create(Role.EDITOR);
        Account admin = accounts.create(Role.ADMIN);
        Browser browser = Browser.signIn(editor);
        Browser reviewer = Browser.signIn(accounts.create(Role.CLINICAL_REVIEWER));
        String slug = "forged-" + RUN;
        HttpResponse<String> forged = browser.post("/admin/pages/new", Map.of("csrf", "forged", "slug", slug));
        assertEquals(403, forged.statusCode());
        write(browser, slug, "Forged forms", BODY);
        location(editor(browser, slug).press(browser, "button[value=step:submit]"));

        // Each of the page's forms, filled in as the screen offers it, sent with a forged token and with none.
        String live = pages.publish(CommentPolicy.POSTMODERATED).slug();
        List<String> accepted = new ArrayList<>();
        for (String token : new String[] {"forged", null}) {
            Form save = editor(browser, slug).set("title", "Forged title");
            Form approve = Form.on(reviewer.get("/admin/pages/" + slug + "/review"), "/admin/pages/" + slug + "/approve");
            Form preview = editor(browser, slug);
            Form signOff = Form.on(reviewer.get("/admin/pages/" + live + "/review"), "/admin/pages/" + live + "/review")
                    .set("scopeNotes", "Forged sign-off");
            for (Form form : List.of(save, approve, preview, signOff)) {
                if (token == null) {
                    form.without("csrf");
                } else {
                    form.set("csrf", token);
                }
            }
            Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
            answers.put("save", save.press(browser, "button[value=save]"));
            answers.put("approve", approve.press(reviewer, "button[value=approve]"));
            answers.put("preview", preview.press(browser, "button[formaction=/admin/pages/" + slug + "/preview]"));
            answers.put("sign-off", signOff.press(reviewer, "button[type=submit]"));
            answers.forEach((form, r) -> {
                if (r.statusCode() != 403) {
                    accepted.add(form + " with " + (token == null ? "no token" : "a forged token") + ": " + r.statusCode());
                }
            });
        }
        assertEquals(List.of(), accepted);
        assertEquals(List.of("page.submit", "page.create"), auditActions(browser, slug), "nothing forged was recorded");
        assertEquals("Forged forms", editor(browser, slug).value("title"));
        assertTrue(auditActions(browser, live).isEmpty(), "no sign-off was recorded");

        // Roles: on screens, and on the forms' own addresses whatever a screen offers.
        Browser author = Browser.signIn(accounts.create(Role.AUTHOR));
        assertEquals(403, author.post("/admin/pages/" + slug + "/approve", Map.of("action", "approve", "revision", "1"))
                .statusCode(), "an author cannot approve");
        Browser adminBrowser = Browser.signIn(admin);
        assertEquals(403, adminBrowser.post("/admin/pages/" + slug + "/approve", Map.of("action", "approve", "revision", "1"))
                .statusCode(), "nor can an administrator");
        assertEquals(403, author.post("/admin/pages/" + slug, Map.of("action", "step:return")).statusCode(),
                "an author cannot return a page from review");
        HttpResponse<String> adminSave = adminBrowser.post("/admin/pages/" + slug, Map.of("action", "save", "title", "Admin title",
                "summary", "x", "tier", "STANDARD", "comments", "CLOSED", "body", BODY, "version", "1"));
        assertEquals(403, adminSave.statusCode(), "administrators do not edit content");
        assertEquals(List.of("page.submit", "page.create"), auditActions(browser, slug));

        assertEquals(403, browser.get("/admin/accounts").statusCode(), "accounts are for administrators");
        assertEquals(200, adminBrowser.get("/admin/accounts").statusCode());
        String username = "form-" + RUN;
        HttpResponse<String> made = adminBrowser.post("/admin/accounts", Map.of("username", username, "displayName", "Form Made",
                "roles", "AUTHOR", "password", "a sufficiently long phrase"));
        assertEquals(303, made.statusCode(), made.body());
        Document account = Jsoup.parse(adminBrowser.get("/admin/accounts/" + username).body());
        assertTrue(account.selectFirst("input#role-AUTHOR").hasAttr("checked"));
        HttpResponse<String> signedOut = Http.get("/admin/pages");
        assertEquals(303, signedOut.statusCode());
    }

    @Test
    void anAccountChangesItsOwnPasswordAndItsOtherSessionsAreSignedOut() {
        Account author = accounts.create(Role.AUTHOR);
        Browser here = Browser.signIn(author);
        Browser elsewhere = Browser.signIn(author);
        String next = "a new and longer secret " + RUN;

        HttpResponse<String> wrong = here.post("/admin/password", Map.of("currentPassword", "not my password at all",
                "newPassword", next, "confirmPassword", next));
        assertEquals(400, wrong.statusCode(), wrong.body());
        Document refused = Jsoup.parse(wrong.body());
        assertEquals("Your current password is not right", refused.getElementById("current-password-error").text());
        assertEquals("true", refused.getElementById("current-password").attr("aria-invalid"));
        assertTrue(refused.select("[role=alert] a[href=#current-password]").hasText(), "the summary leads to the field");
        assertFalse(wrong.body().contains(next), "a password typed is never sent back");

        HttpResponse<String> mismatch = here.post("/admin/password", Map.of("currentPassword", TestAccounts.PASSWORD,
                "newPassword", next, "confirmPassword", next + "!"));
        assertEquals(400, mismatch.statusCode());
        assertTrue(Jsoup.parse(mismatch.body()).getElementById("confirm-password-error").hasText());
        HttpResponse<String> weak = here.post("/admin/password", Map.of("currentPassword", TestAccounts.PASSWORD,
                "newPassword", "short", "confirmPassword", "short"));
        assertEquals(400, weak.statusCode());
        assertTrue(Jsoup.parse(weak.body()).getElementById("new-password-error").text().contains("at least 12 characters"));
        assertEquals(403, here.post("/admin/password", Map.of("csrf", "forged", "currentPassword", TestAccounts.PASSWORD,
                "newPassword", next, "confirmPassword", next)).statusCode(), "no token, no change");
        assertEquals(200, elsewhere.get("/admin").statusCode(), "nothing has changed yet");

        HttpResponse<String> changed = here.post("/admin/password", Map.of("currentPassword", TestAccounts.PASSWORD,
                "newPassword", next, "confirmPassword", next));
        assertEquals(303, changed.statusCode(), changed.body());
        assertTrue(here.open("/admin/password?done=changed").text().contains("Your password has been changed"),
                "this session goes on");
        assertNotEquals(200, elsewhere.get("/admin").statusCode(), "the other session was signed out");
        assertThrows(IllegalStateException.class, () -> Sessions.signIn(author.username()), "the old password is gone");

        Browser admin = Browser.signIn(accounts.create(Role.ADMIN));
        assertTrue(admin.open("/admin/audit?subject=" + author.username()).select("tbody tr td:nth-child(3) code").eachText()
                .contains("account.password.own"), "audited");
    }

    @Test
    void anEditorCreatesATopicAndRenamesItAndItsPagesShowTheNewTitle() {
        Browser editor = Browser.signIn(accounts.create(Role.EDITOR));
        String slug = "topic-" + RUN;
        Map<String, String> topic = new LinkedHashMap<>(Map.of("slug", slug, "title", "Neck pain " + RUN,
                "description", "Gentle help for a stiff neck.", "tier", "HIGH", "position", "90"));
        assertTrue(location(editor.post("/admin/topics", topic)).startsWith("/admin/topics?done=created"));
        assertTrue(editor.open("/admin/topics").select("#row-" + slug).text().contains("Neck pain " + RUN));
        assertEquals(200, Http.get("/" + slug).statusCode(), "readers find the new topic");

        for (String bad : List.of("Bad Slug", "admin", slug)) {
            Map<String, String> again = new LinkedHashMap<>(topic);
            again.put("slug", bad);
            again.put("title", "Kept " + RUN);
            HttpResponse<String> refused = editor.post("/admin/topics", again);
            assertEquals(400, refused.statusCode(), bad);
            Document form = Jsoup.parse(refused.body());
            assertEquals("Kept " + RUN, form.selectFirst("#topic-title").val(), "what was typed is kept");
            assertEquals("true", form.selectFirst("#topic-slug").attr("aria-invalid"), bad);
        }

        TestPages.TestPage page = pages.publishIn(slug, org.veritycms.page.CommentPolicy.CLOSED);
        assertTrue(Http.get(page.url()).body().contains("Neck pain " + RUN));
        topic.put("title", "Neck and shoulder pain " + RUN);
        assertTrue(location(editor.post("/admin/topics/" + slug, topic)).startsWith("/admin/topics?done=saved"));
        assertTrue(Http.get(page.url()).body().contains("Neck and shoulder pain " + RUN), "the page shows the new title at once");
        assertEquals(List.of("topic.update", "topic.create"), auditActions(editor, slug));
        assertEquals(403, Browser.signIn(accounts.create(Role.AUTHOR)).get("/admin/topics").statusCode());
    }

    @Test
    void theFeedbackScreenShowsThisCyclesRatingsAndEveryReadersNote() {
        TestPages.TestPage page = pages.publish(org.veritycms.page.CommentPolicy.CLOSED);
        ratings.rate(page.slug(), new RatingService.Voter("fb-a-" + RUN, "fb-address-a-" + RUN), new Stars(1),
                "The stretch in step 3 <hurt> my knee");
        ratings.rate(page.slug(), new RatingService.Voter("fb-b-" + RUN, "fb-address-b-" + RUN), new Stars(5), null);
        ratings.rate(page.slug(), new RatingService.Voter("fb-a-" + RUN, "fb-address-a-" + RUN), new Stars(2), null);
        Browser editor = Browser.signIn(accounts.create(Role.EDITOR));
        assertFalse(editor.open("/admin/pages/" + page.slug()).select("a[href=/admin/pages/" + page.slug() + "/feedback]").isEmpty(),
                "the editor links to the page's feedback");
        Document feedback = editor.open("/admin/pages/" + page.slug() + "/feedback");
        assertTrue(feedback.text().contains("2 ratings so far"), feedback.text());
        assertEquals(List.of("The stretch in step 3 <hurt> my knee"), feedback.select("#fb-notes ~ .table-scroll td:nth-child(3)")
                .eachText(), "the note is kept through the reader's second vote, and shown as text");
        assertEquals(404, editor.get("/admin/pages/no-such-page-" + RUN + "/feedback").statusCode());
    }

    @Test
    void anAdministratorRunsTheReviewScanAndTheSearchRebuildFromTheOperationsScreen() {
        Browser admin = Browser.signIn(accounts.create(Role.ADMIN));
        Document screen = admin.open("/admin/operations");
        assertEquals(2, screen.select("form[action=/admin/operations/run] button[name=task]").size(), "both run-now buttons");
        for (String state : List.of("DUE_SOON", "OVERDUE", "NOTICE", "WITHDRAWN")) {
            assertEquals(1, screen.select("ul.figures a[href=/admin/pages?review=" + state + "]").size(), state);
            assertEquals(1, admin.open("/admin").select("ul.figures a[href=/admin/pages?review=" + state + "]").size(),
                    "the dashboard's figure for " + state + " links to the pages in that state");
        }

        HttpResponse<String> scanned = admin.post("/admin/operations/run", Map.of("task", "review-scan"));
        assertEquals(303, scanned.statusCode(), scanned.body());
        String afterScan = admin.open(location(scanned)).select("#run-now ~ .notice").text();
        assertTrue(afterScan.startsWith("Review scan finished:") && afterScan.contains("due for review"), afterScan);

        HttpResponse<String> rebuilt = admin.post("/admin/operations/run", Map.of("task", "search-rebuild"));
        assertEquals(303, rebuilt.statusCode(), rebuilt.body());
        assertTrue(admin.open(location(rebuilt)).text().contains("The search index is being rebuilt"));
        assertEquals(400, admin.post("/admin/operations/run", Map.of("task", "drop-everything")).statusCode());
        assertTrue(auditActions(admin, "review-scan").contains("operations.review-scan"), "the scan is audited");
        assertTrue(auditActions(admin, "search-rebuild").contains("operations.search-rebuild"), "the rebuild is audited");

        Browser editor = Browser.signIn(accounts.create(Role.EDITOR));
        assertTrue(editor.open("/admin/operations").select("form[action=/admin/operations/run]").isEmpty(),
                "an editor sees the jobs but no run-now buttons");
        assertEquals(403, editor.post("/admin/operations/run", Map.of("task", "review-scan")).statusCode());
    }

    @Test
    void everyAdminScreenOpensToItsRolesOnly() {
        Account author = accounts.create(Role.AUTHOR);
        String slug = "screens-" + RUN;
        write(Browser.signIn(author), slug, "Screens", BODY);
        String live = pages.publish(CommentPolicy.POSTMODERATED).slug();
        Set<Role> pagesRoles = Set.of(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN);
        Map<String, Set<Role>> screens = new LinkedHashMap<>();
        screens.put("/admin", Set.of(Role.values()));
        screens.put("/admin/pages", pagesRoles);
        screens.put("/admin/pages?q=screens&status=DRAFT&sort=-updated", pagesRoles);
        screens.put("/admin/pages/new", Set.of(Role.AUTHOR, Role.EDITOR));
        screens.put("/admin/pages/" + slug, pagesRoles);
        screens.put("/admin/pages/" + slug + "/review", pagesRoles);
        screens.put("/admin/pages/" + slug + "/preview", pagesRoles);
        screens.put("/admin/pages/" + live, pagesRoles);
        screens.put("/admin/pages/" + live + "/review", pagesRoles);
        screens.put("/admin/pages/" + live + "/preview?of=live", pagesRoles);
        screens.put("/admin/pages/" + slug + "/revisions", pagesRoles);
        screens.put("/admin/pages/" + slug + "/revisions/1", pagesRoles);
        screens.put("/admin/pages/" + slug + "/diff?from=1&to=1", pagesRoles);
        screens.put("/admin/moderation", Set.of(Role.MODERATOR));
        screens.put("/admin/moderation/log", Set.of(Role.MODERATOR));
        screens.put("/admin/operations", Set.of(Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN));
        screens.put("/admin/pages/" + live + "/feedback", pagesRoles);
        screens.put("/admin/topics", Set.of(Role.EDITOR, Role.ADMIN));
        screens.put("/admin/topics/exercise", Set.of(Role.EDITOR, Role.ADMIN));
        screens.put("/admin/accounts", Set.of(Role.ADMIN));
        screens.put("/admin/accounts/" + author.username(), Set.of(Role.ADMIN));
        screens.put("/admin/audit", Set.of(Role.EDITOR, Role.ADMIN));
        screens.put("/admin/export", Set.of(Role.EDITOR, Role.ADMIN));
        screens.put("/admin/password", Set.of(Role.values()));
        // The forms only some roles may send, posted with the session's token (and a revision that is not the page's).
        Map<String, Set<Role>> forms = new LinkedHashMap<>();
        forms.put("/admin/pages/" + slug + "/approve", Set.of(Role.CLINICAL_REVIEWER, Role.EDITOR));
        forms.put("/admin/pages/" + live + "/review", Set.of(Role.CLINICAL_REVIEWER, Role.EDITOR));
        forms.put("/admin/pages/new/preview", pagesRoles);
        forms.put("/admin/topics", Set.of(Role.EDITOR, Role.ADMIN));
        forms.put("/admin/pages/" + slug + "/preview", pagesRoles);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("action", "return", "revision", "999", "kind", "PARTIAL",
                "subject", "page", "scopeNotes", "Checked the links"));
        fields.putAll(Map.of("slug", slug, "topic", "exercise", "title", "Screens", "summary", "x", "tier", "STANDARD",
                "comments", "CLOSED", "body", BODY));
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            Browser browser = Browser.signIn(accounts.create(role));
            for (Map.Entry<String, Set<Role>> screen : screens.entrySet()) {
                int status = browser.get(screen.getKey()).statusCode();
                int expected = screen.getValue().contains(role) ? 200 : 403;
                if (status != expected) {
                    wrong.add(role + " " + screen.getKey() + ": " + status);
                }
            }
            for (Map.Entry<String, Set<Role>> form : forms.entrySet()) {
                int status = browser.post(form.getKey(), fields).statusCode();
                boolean allowed = form.getValue().contains(role);
                // a stale revision (409) for a sign-off, the preview (200) for a preview; never a refusal for an allowed role
                if (allowed ? status == 403 || status >= 500 : status != 403) {
                    wrong.add(role + " POST " + form.getKey() + ": " + status);
                }
            }
            HttpResponse<String> reviewScreen = browser.get("/admin/pages/" + live + "/review");
            Document liveReview = reviewScreen.statusCode() == 200 ? Jsoup.parse(reviewScreen.body()) : null;
            boolean signs = role == Role.CLINICAL_REVIEWER || role == Role.EDITOR;
            if (liveReview != null && signs == liveReview.select("form[action=/admin/pages/" + live + "/review]").isEmpty()) {
                wrong.add(role + (signs ? " is not offered" : " is offered") + " the sign-off form");
            }
        }
        for (String path : screens.keySet()) {
            HttpResponse<String> signedOut = Http.get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
            if (signedOut.statusCode() != 303 || !signedOut.headers().firstValue("Location").orElse("").contains("/admin/login?next=")) {
                wrong.add("signed out " + path + ": " + signedOut.statusCode());
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
