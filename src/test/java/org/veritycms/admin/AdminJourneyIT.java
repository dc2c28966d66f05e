package org.veritycms.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestLibraries;

/**
 * The editorial journey in the admin's own forms, as a browser makes it: sign in, write a page,
 * submit it, have another person approve and sign off its review, publish it and read it live.
 */
@ExtendWith(ArquillianExtension.class)
class AdminJourneyIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String BODY = "Sit tall on a firm chair.\r\n\r\n## When to stop\r\n\r\nStop if your pain spreads.\r\n\r\n"
            + "## When to get help\r\n\r\nSee a GP if it is no better after 2 weeks.\r\n";

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, Sessions.class, TestLibraries.class)
                .addAsLibrary(TestLibraries.jarOf(Jsoup.class));
    }

    @Inject
    TestAccounts accounts;

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

        HttpResponse<String> post(String path, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.putIfAbsent("csrf", csrf);
            String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
    }

    private static Map<String, String> pageForm(String slug, String title, String body, String version) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("slug", slug);
        form.put("topic", "exercise");
        form.put("title", title);
        form.put("summary", "Gentle seated exercises for a stiff back.");
        form.put("tier", "STANDARD");
        form.put("comments", "POSTMODERATED");
        form.put("owner", "physio-team");
        form.put("related", "");
        form.put("body", body);
        form.put("evidence", "- title: Exercise for back pain\n  url: https://example.org/back\n  publisher: A health body\n"
                + "  accessed: 2026-10-01\n");
        form.put("media", "");
        form.put("version", version);
        form.put("changeNote", "Journey edit");
        form.put("action", "save");
        return form;
    }

    private static String version(HttpResponse<String> editor) {
        return Jsoup.parse(editor.body()).selectFirst("input[name=version]").attr("value");
    }

    @Test
    void aPageIsWrittenReviewedAndPublishedThroughTheAdminForms() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = "journey-" + RUN;

        Browser authorBrowser = Browser.signIn(author);
        assertEquals(200, authorBrowser.get("/admin/pages/new").statusCode());
        HttpResponse<String> created = authorBrowser.post("/admin/pages/new", pageForm(slug, "Seated back stretches", BODY, ""));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals("/admin/pages/" + slug + "?done=created", URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath() + "?" + URI.create(created.headers().firstValue("Location").orElseThrow()).getQuery());
        HttpResponse<String> preview = authorBrowser.post("/admin/pages/" + slug,
                Map.of("action", "preview", "title", "x", "summary", "x", "tier", "STANDARD", "comments", "CLOSED",
                        "body", "Some **bold** advice.\n\n<script>alert(1)</script>", "version", "0"));
        assertEquals(200, preview.statusCode());
        Document previewed = Jsoup.parse(preview.body());
        assertEquals("bold", previewed.select(".preview strong").text(), "the preview renders Markdown");
        assertTrue(previewed.select(".preview script").isEmpty(), "and never runs raw HTML");
        assertEquals(303, authorBrowser.post("/admin/pages/" + slug + "/step", Map.of("step", "submit")).statusCode());

        Browser reviewerBrowser = Browser.signIn(reviewer);
        Document dashboard = Jsoup.parse(reviewerBrowser.get("/admin").body());
        assertTrue(dashboard.select("a[href=/admin/pages/" + slug + "]").size() > 0, "the page waits on the reviewer's dashboard");
        assertTrue(dashboard.select("svg.chart").size() > 0, "with the review forecast");
        assertEquals(303, reviewerBrowser.post("/admin/pages/" + slug + "/step", Map.of("step", "approve")).statusCode());
        HttpResponse<String> signed = reviewerBrowser.post("/admin/pages/" + slug + "/review", Map.of("kind", "FULL",
                "subject", "page", "scopeNotes", "Checked against the current guideline", "registrationNumber", "PH123456",
                "nextDue", ""));
        assertEquals(303, signed.statusCode(), signed.body());

        Browser editorBrowser = Browser.signIn(editor);
        assertEquals(303, editorBrowser.post("/admin/pages/" + slug + "/step", Map.of("step", "publish")).statusCode());
        HttpResponse<String> live = Http.get("/exercise/" + slug);
        assertEquals(200, live.statusCode());
        Document page = Jsoup.parse(live.body());
        assertEquals("Seated back stretches", page.selectFirst("h1").text());

        Document history = Jsoup.parse(editorBrowser.get("/admin/pages/" + slug + "/revisions").body());
        assertEquals(1, history.select("tbody tr").size());
        Document audit = Jsoup.parse(editorBrowser.get("/admin/audit?subject=" + slug).body());
        assertEquals("page.publish", audit.selectFirst("tbody tr td:nth-child(3)").text());
        assertEquals(5, audit.select("tbody tr").size(), "create, submit, approve, review, publish");
    }

    @Test
    void aStaleSaveAnswers409AndKeepsEveryWordTyped() {
        Account first = accounts.create(Role.EDITOR);
        Account second = accounts.create(Role.EDITOR);
        String slug = "stale-" + RUN;
        Browser one = Browser.signIn(first);
        Browser two = Browser.signIn(second);
        assertEquals(303, one.post("/admin/pages/new", pageForm(slug, "First title", BODY, "")).statusCode());
        String seen = version(one.get("/admin/pages/" + slug));
        assertEquals(seen, version(two.get("/admin/pages/" + slug)));

        assertEquals(303, one.post("/admin/pages/" + slug, pageForm(slug, "Edited by one", BODY, seen)).statusCode());
        String mine = BODY + "\r\nA paragraph only the second editor wrote.\r\n";
        HttpResponse<String> refused = two.post("/admin/pages/" + slug, pageForm(slug, "Edited by two", mine, seen));
        assertEquals(409, refused.statusCode());
        Document form = Jsoup.parse(refused.body());
        assertTrue(form.selectFirst("[role=alert]").text().contains("Someone else saved"), form.selectFirst("[role=alert]").text());
        assertEquals("Edited by two", form.selectFirst("input[name=title]").attr("value"));
        assertTrue(form.selectFirst("textarea[name=body]").wholeText().contains("only the second editor wrote"));

        Document diff = Jsoup.parse(one.get("/admin/pages/" + slug + "/diff?from=1&to=2").body());
        assertTrue(diff.select(".diff-added").text().contains("title: Edited by one"), diff.select(".diff").text());
        assertTrue(diff.select(".diff-removed").text().contains("title: First title"));
    }

    @Test
    void formsWithAForgedTokenAreRefusedAndRolesAreEnforcedOnScreens() {
        Account editor = accounts.create(Role.EDITOR);
        Account admin = accounts.create(Role.ADMIN);
        Browser browser = Browser.signIn(editor);
        HttpResponse<String> forged = browser.post("/admin/pages/new", Map.of("csrf", "forged", "slug", "x-" + RUN));
        assertEquals(403, forged.statusCode());
        assertEquals(403, browser.get("/admin/accounts").statusCode(), "accounts are for administrators");
        Browser adminBrowser = Browser.signIn(admin);
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
    void everyAdminScreenOpensToItsRolesOnly() {
        Account author = accounts.create(Role.AUTHOR);
        String slug = "screens-" + RUN;
        assertEquals(303, Browser.signIn(author).post("/admin/pages/new", pageForm(slug, "Screens", BODY, "")).statusCode());
        Set<Role> pagesRoles = Set.of(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN);
        Map<String, Set<Role>> screens = new LinkedHashMap<>();
        screens.put("/admin", Set.of(Role.values()));
        screens.put("/admin/pages", pagesRoles);
        screens.put("/admin/pages/new", Set.of(Role.AUTHOR, Role.EDITOR));
        screens.put("/admin/pages/" + slug, pagesRoles);
        screens.put("/admin/pages/" + slug + "/revisions", pagesRoles);
        screens.put("/admin/pages/" + slug + "/revisions/1", pagesRoles);
        screens.put("/admin/pages/" + slug + "/diff?from=1&to=1", pagesRoles);
        screens.put("/admin/moderation", Set.of(Role.MODERATOR));
        screens.put("/admin/moderation/log", Set.of(Role.MODERATOR));
        screens.put("/admin/operations", Set.of(Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN));
        screens.put("/admin/accounts", Set.of(Role.ADMIN));
        screens.put("/admin/accounts/" + author.username(), Set.of(Role.ADMIN));
        screens.put("/admin/audit", Set.of(Role.EDITOR, Role.ADMIN));
        screens.put("/admin/export", Set.of(Role.EDITOR, Role.ADMIN));
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (Role role : Role.values()) {
            Browser browser = Browser.signIn(accounts.create(role));
            for (Map.Entry<String, Set<Role>> screen : screens.entrySet()) {
                int status = browser.get(screen.getKey()).statusCode();
                int expected = screen.getValue().contains(role) ? 200 : 403;
                if (status != expected) {
                    wrong.add(role + " " + screen.getKey() + ": " + status);
                }
            }
        }
        for (String path : screens.keySet()) {
            HttpResponse<String> signedOut = Http.get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
            if (signedOut.statusCode() != 303 || !signedOut.headers().firstValue("Location").orElse("").contains("/admin/login?next=")) {
                wrong.add("signed out " + path + ": " + signedOut.statusCode());
            }
        }
        assertEquals(java.util.List.of(), wrong);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
