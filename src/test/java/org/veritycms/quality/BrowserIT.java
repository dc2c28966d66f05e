package org.veritycms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestPages;

/**
 * People's journeys in a real browser (headless Chromium): a reader reads, rates, comments,
 * replies and reports; staff write, review, publish and moderate. Every page visited is checked
 * with axe-core at WCAG 2.2 A and AA, and hostile input from every field must show as text and
 * never run. A failing test leaves a screenshot under target/browser-screenshots/.
 */
@ExtendWith({ArquillianExtension.class, ScreenshotOnFailure.class})
class BrowserIT {

    static final String PAYLOAD = "<img src=x id=xss-probe onerror=alert(1)><script>alert(2)</script>\"><b id=xss-bold>b</b>";

    static Chromium chromium;
    static WebDriver driver;
    final List<String> problems = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.verity(TestFixtures.class, TestAccounts.class, TestPages.class);
    }

    @BeforeAll
    static void browser() {
        boolean ci = System.getenv("CI") != null;
        if (!ci) {
            Assumptions.assumeTrue(Chromium.installed(), "Chromium and ChromeDriver are not installed (.ci/run installs them)");
        }
        chromium = Chromium.start();
        driver = chromium.driver();
        ScreenshotOnFailure.browser = () -> chromium;
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Opens a page and runs the checks every page gets. */
    private void visit(String path) {
        driver.get(Http.base() + path);
        check(path);
    }

    private void check(String where) {
        String dialog = chromium.dialog();
        if (dialog != null) {
            problems.add(where + ": a script opened a dialog: " + dialog);
        }
        if (!driver.findElements(By.id("xss-probe")).isEmpty() || !driver.findElements(By.id("xss-bold")).isEmpty()) {
            problems.add(where + ": input was rendered as markup");
        }
        chromium.accessibilityViolations().forEach(v -> problems.add(where + ": " + v));
    }

    /** Clicks a button that submits a form and waits for the page that answers. */
    private void submit(WebElement button, String where) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.veritySubmitted = true;");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return window.veritySubmitted === undefined && document.readyState === 'complete';")));
        check(where);
    }

    private void fill(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private void signIn(RemoteFixtures.Login login) {
        driver.manage().deleteAllCookies();
        visit("/admin/login");
        fill("username", login.username());
        fill("password", login.password());
        submit(driver.findElement(By.cssSelector("form button[type=submit]")), "sign-in of " + login.username());
        assertTrue(driver.getCurrentUrl().endsWith("/admin"), driver.getCurrentUrl());
    }

    /** The outermost elements that reach past the right edge of a screen this wide, to say what to fix. */
    private Object tooWide(int screen) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("const out = [];"
                + "for (const e of document.body.querySelectorAll('*')) {"
                + "  if (e.getBoundingClientRect().right > arguments[0] && !out.some(o => o.contains(e))) out.push(e); }"
                + "return out.slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width));",
                screen);
    }

    /** The rendered width in CSS pixels of the first element the selector finds. */
    private double width(String selector) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.querySelector(arguments[0]).getBoundingClientRect().width;", selector)).doubleValue();
    }

    /** The few seconds a person takes to write a comment pass on the server's clock, not in the test. */
    private static void writingTime() {
        RemoteFixtures.advanceClock(Duration.ofSeconds(4));
    }

    /** A short wait for the browser (a dialog opening), never for time on the server. */
    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aReaderReadsRatesCommentsRepliesAndReports() {
        RemoteFixtures.PageRef page = RemoteFixtures.page(false);
        RemoteFixtures.PageRef rich = RemoteFixtures.richPage();
        driver.manage().deleteAllCookies();
        visit("/");
        visit("/" + rich.topic());
        visit(rich.url());
        assertFalse(driver.findElements(By.cssSelector("figure.media video")).isEmpty(), "the rich page shows its video");
        assertTrue(width(".page-review") <= width("article.guidance .lead"), "the review box is no wider than the text");
        visit("/search?q=back+pain");
        assertFalse(driver.findElements(By.cssSelector(".search-results h2 a")).isEmpty(), "the search finds the rich page");
        visit("/subscribe");
        visit("/search?q=zzzzqqqq");
        visit("/no-such-page");
        visit("/media/no-such-video.mp4");
        assertEquals("Page not found", driver.findElement(By.tagName("h1")).getText(), "a missing file gets the site's page");
        visit(RemoteFixtures.page(true).url());
        visit(page.url());

        assertEquals(java.util.Set.of(), driver.manage().getCookies(), "reading the site gives no cookie");

        driver.findElement(By.cssSelector("input[name=stars][value='4']")).click();
        submit(driver.findElement(By.cssSelector("form[action$='/rating'] button[type=submit]")), "rating");
        assertTrue(driver.getPageSource().contains("Thank you for your rating"), "the thank-you page answers");
        assertTrue(driver.manage().getCookieNamed("verity_reader") != null, "the first vote gives the reader their cookie");

        visit(page.url());
        assertFalse(driver.getPageSource().contains("Thank you for your rating"), "the shared page has no thank-you");
        driver.findElement(By.cssSelector("a.comment-write")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/comment"));
        check("comment form");
        assertTrue(driver.findElement(By.cssSelector(".comment-advice")).getText().contains("call NHS 111"),
                "readers are asked to keep medical details to themselves and told where to get advice");
        fill("name", "Sam");
        fill("body", "The knee rolls helped me a lot this week.");
        // sent at once: the form refuses a post sooner than a person could write one, and gives it back
        submit(driver.findElement(By.cssSelector("form.comment-form button[type=submit]")), "comment refused");
        assertTrue(driver.findElement(By.cssSelector(".comment-refused")).getText().contains("sent very soon"));
        assertEquals("The knee rolls helped me a lot this week.", driver.findElement(By.name("body")).getAttribute("value"));
        writingTime();
        submit(driver.findElement(By.cssSelector("form.comment-form button[type=submit]")), "comment");
        WebElement comment = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("article.comment")));
        assertTrue(comment.getText().contains("knee rolls helped"));
        assertTrue(driver.findElement(By.cssSelector(".comment-notice")).getText().contains("comment"), "the notice answers");

        driver.findElement(By.cssSelector(".comment-reply a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/comment?reply="));
        check("reply form");
        assertTrue(driver.findElement(By.cssSelector("blockquote.comment-quoted")).getText().contains("knee rolls"),
                "the reply form shows the comment it answers");
        fill("name", "Alex");
        fill("body", "Same for me, thank you.");
        writingTime();
        submit(driver.findElement(By.cssSelector("form.comment-form button[type=submit]")), "reply");
        assertTrue(driver.getPageSource().contains("Same for me"), "the reply is shown");

        driver.findElement(By.cssSelector(".comment-report a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/report"));
        check("report form");
        driver.findElement(By.cssSelector("input[name=reason]")).click();
        submit(driver.findElement(By.cssSelector("form.comment-form button[type=submit]")), "report sent");
        assertEquals(List.of(), problems);
    }

    @Test
    void staffWriteReviewPublishAndModerateInTheBrowser() {
        RemoteFixtures.Login author = RemoteFixtures.account("AUTHOR");
        RemoteFixtures.Login reviewer = RemoteFixtures.account("CLINICAL_REVIEWER");
        RemoteFixtures.Login editor = RemoteFixtures.account("EDITOR");
        RemoteFixtures.Login moderator = RemoteFixtures.account("MODERATOR");
        RemoteFixtures.Login admin = RemoteFixtures.account("ADMIN,EDITOR");
        String slug = "browser-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

        signIn(author);
        visit("/admin/pages/new");
        fill("slug", slug);
        new Select(driver.findElement(By.name("topic"))).selectByValue("exercise");
        fill("title", "Wall push-ups for beginners");
        fill("summary", "A gentle start to strength exercise, and when to stop.");
        fill("body", "Stand an arm's length from a wall.\n\n## When to stop\n\nStop if you feel pain.\n\n"
                + "## When to get help\n\nSee a GP if pain lasts.\n");
        submit(driver.findElement(By.cssSelector("button[value=save]")), "created");
        visit("/admin/pages/" + slug + "/preview");
        assertEquals("Wall push-ups for beginners", driver.findElement(By.tagName("h1")).getText(), "the preview is the page");
        visit("/admin/pages/" + slug);
        submit(driver.findElement(By.cssSelector("button[value='step:submit']")), "submitted");

        signIn(reviewer);
        visit("/admin/pages/" + slug + "/review");
        assertFalse(driver.findElements(By.cssSelector("iframe.review-frame")).isEmpty(), "the page as readers will see it");
        submit(driver.findElement(By.cssSelector("form[action$='/approve'] button[value=approve]")), "approved");
        assertTrue(driver.getPageSource().contains("the review is recorded"), "approval is the sign-off");

        signIn(editor);
        visit("/admin");
        visit("/admin/pages?status=APPROVED");
        visit("/admin/pages/" + slug);
        submit(driver.findElement(By.cssSelector("button[value='step:publish']")), "published");
        visit("/exercise/" + slug);
        assertEquals("Wall push-ups for beginners", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("Reviewed by"), "live with true review dates");

        // the author changes the live page: readers keep the reviewed text until the change is approved and published
        String unapproved = "Do ten more push-ups than feels comfortable.";
        signIn(author);
        visit("/admin/pages/" + slug);
        WebElement body = driver.findElement(By.name("body"));
        body.sendKeys(Keys.END);
        body.sendKeys("\n" + unapproved + "\n");
        fill("changeNote", "Added a progression");
        submit(driver.findElement(By.cssSelector("button[value=save]")), "change saved");
        assertLiveLacks(slug, unapproved, "after the author saved");
        visit("/admin/pages/" + slug);
        submit(driver.findElement(By.cssSelector("button[value='step:submit']")), "change submitted");
        assertLiveLacks(slug, unapproved, "while in review");

        signIn(reviewer);
        visit("/admin/pages/" + slug + "/review");
        assertTrue(driver.findElements(By.cssSelector("ol.diff ins")).stream().anyMatch(e -> e.getText().contains(unapproved)),
                "the reviewer sees the change in the diff against the reviewed revision");
        submit(driver.findElement(By.cssSelector("form[action$='/approve'] button[value=approve]")), "change approved");
        assertLiveLacks(slug, unapproved, "approved but not yet published");

        signIn(editor);
        visit("/admin/pages/" + slug);
        submit(driver.findElement(By.cssSelector("button[value='step:publish']")), "change published");
        driver.manage().deleteAllCookies();
        visit("/exercise/" + slug);
        assertTrue(driver.getPageSource().contains(unapproved), "published once approved");
        visit("/exercise/" + slug + "/reviews");
        assertEquals(2, driver.findElements(By.cssSelector(".review-history table tbody tr")).size(), "both sign-offs listed");

        signIn(editor);
        visit("/admin/pages/" + slug + "/revisions");
        submit(driver.findElement(By.cssSelector("form[action$='/diff'] button[type=submit]")), "diff");
        visit("/admin/audit");
        visit("/admin/operations");
        visit("/admin/pages/" + slug + "/feedback");
        visit("/admin/topics");
        visit("/admin/topics/exercise");
        assertFalse(driver.findElements(By.cssSelector("form[action='/admin/topics/exercise'] input[name=csrf]")).isEmpty(),
                "a topic is edited in its own form");

        RemoteFixtures.PageRef page = RemoteFixtures.page(false);
        driver.manage().deleteAllCookies();
        visit(page.url() + "/comment");
        writingTime();
        fill("name", "Link sharer");
        fill("body", "See https://a.example/1 and https://b.example/2 and https://c.example/3 for more.");
        submit(driver.findElement(By.cssSelector("form.comment-form button[type=submit]")), "held comment");

        signIn(moderator);
        visit("/admin/moderation");
        WebElement approve = driver.findElement(By.cssSelector("button[name=decide][value^='approve:']"));
        submit(approve, "moderated");
        visit("/admin/moderation/log");

        signIn(admin);
        visit("/admin/accounts");
        visit("/admin/accounts/" + author.username());
        assertEquals(List.of(), problems);
    }

    @Test
    void theAdminFitsAPhoneScreenKeepsItsErrorsInItsFrameAndLetsPeopleChangeTheirPassword() {
        RemoteFixtures.Login staff = RemoteFixtures.account("EDITOR,ADMIN");
        signIn(staff);
        // a phone held upright: the page must never scroll sideways, only a wide table inside its own box
        chromium.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String path : List.of("/admin", "/admin/pages", "/admin/operations", "/admin/password", "/admin/media")) {
                visit(path);
                long width = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth;")).longValue();
                assertTrue(width <= 375, () -> path + " is " + width + " px wide at 375 px; too wide: " + tooWide(375));
            }
        } finally {
            chromium.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        visit("/admin/pages/no-such-page");
        assertFalse(driver.findElements(By.cssSelector("body.admin")).isEmpty(), "an admin error stays in the admin's frame");

        visit("/admin/password");
        String next = "a brand new passphrase " + Long.toString(System.nanoTime() % 100_000L, 36);
        fill("currentPassword", "not the right one at all");
        fill("newPassword", next);
        fill("confirmPassword", next);
        submit(driver.findElement(By.cssSelector("form[action='/admin/password'] button[type=submit]")), "wrong current password");
        assertEquals("Your current password is not right", driver.findElement(By.id("current-password-error")).getText());
        fill("currentPassword", staff.password());
        fill("newPassword", next);
        fill("confirmPassword", next);
        submit(driver.findElement(By.cssSelector("form[action='/admin/password'] button[type=submit]")), "password changed");
        assertTrue(driver.findElement(By.cssSelector("[role=status]")).getText().contains("Your password has been changed"));
        assertEquals(List.of(), problems);
    }

    @Test
    void anAuthorUploadsAnImageAndAddsItToAPageFromTheLibrary() throws Exception {
        signIn(RemoteFixtures.account("AUTHOR"));
        visit("/admin/media");
        Path image = Files.createTempFile("verity-browser-", ".png");
        try {
            Files.write(image, org.veritycms.media.SampleFiles.image("png", 700 + (int) (System.nanoTime() % 200), 420));
            fill("title", "Seated twist");
            driver.findElement(By.name("file")).sendKeys(image.toAbsolutePath().toString());
            submit(driver.findElement(By.cssSelector("form[action='/admin/media'] button[type=submit]")), "upload without alt text");
            assertTrue(driver.findElement(By.cssSelector("[role=alert]")).getText().contains("Alt text"),
                    driver.findElement(By.cssSelector("[role=alert]")).getText());
            assertEquals("Seated twist", driver.findElement(By.id("media-title")).getAttribute("value"), "what was typed is kept");
            fill("altText", "A person sitting, turned to the left");
            driver.findElement(By.name("file")).sendKeys(image.toAbsolutePath().toString());
            submit(driver.findElement(By.cssSelector("form[action='/admin/media'] button[type=submit]")), "image uploaded");
        } finally {
            Files.deleteIfExists(image);
        }
        assertTrue(driver.getCurrentUrl().matches(".*/admin/media/[0-9]+\\?done=(uploaded|existing)"), driver.getCurrentUrl());
        String id = driver.getCurrentUrl().replaceAll(".*/admin/media/([0-9]+).*", "$1");
        String src = driver.findElement(By.cssSelector("dl.facts a code")).getText();

        visit("/admin/pages/new");
        fill("title", "Typed before choosing");
        new Select(driver.findElement(By.name("libraryItem"))).selectByValue(id);
        String url = driver.getCurrentUrl();
        // with the admin's script the entry is added in the page, without a round trip (the server's way is in MediaLibraryIT)
        driver.findElement(By.cssSelector("button[value=add-media]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("media")).getAttribute("value").contains("src: " + src));
        check("library item added to the editor");
        assertEquals(url, driver.getCurrentUrl(), "no round trip");
        assertEquals("Typed before choosing", driver.findElement(By.id("title")).getAttribute("value"));
        String media = driver.findElement(By.id("media")).getAttribute("value");
        assertTrue(media.contains("src: " + src) && media.contains("alt: A person sitting, turned to the left"), media);
        assertTrue(driver.findElement(By.id("library-status")).getText().contains("Added to the end of the media list"));
        assertEquals(List.of(), problems);
    }

    /** The public page, as a reader without cookies gets it, does not show the text. */
    private void assertLiveLacks(String slug, String text, String when) {
        HttpResponse<String> live = Http.get("/exercise/" + slug);
        assertEquals(200, live.statusCode());
        assertFalse(live.body().contains(text), "the live page never shows unapproved text: " + when);
    }

    @Test
    void hostileInputInEveryFieldShowsAsTextAndNeverRuns() {
        RemoteFixtures.PageRef page = RemoteFixtures.page(false);
        driver.manage().deleteAllCookies();
        visit(page.url() + "/comment");
        writingTime();
        fill("name", PAYLOAD.substring(0, 60));
        fill("email", "reader@example.org");
        fill("body", "Careful: " + PAYLOAD);
        submit(driver.findElement(By.cssSelector("form.comment-form button[type=submit]")), "hostile comment");
        visit("/search?q=" + java.net.URLEncoder.encode(PAYLOAD, java.nio.charset.StandardCharsets.UTF_8));

        RemoteFixtures.Login staff = RemoteFixtures.account("AUTHOR,EDITOR,MODERATOR,ADMIN");
        signIn(staff);
        String slug = "hostile-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        visit("/admin/pages/new");
        fill("slug", slug);
        new Select(driver.findElement(By.name("topic"))).selectByValue("exercise");
        fill("title", "Title " + PAYLOAD);
        fill("summary", "Summary " + PAYLOAD);
        fill("owner", "owner" + PAYLOAD.substring(0, 30));
        fill("body", "Body " + PAYLOAD + "\n\n## When to get help\n\n" + PAYLOAD + "\n");
        fill("evidence", "- title: \"" + PAYLOAD.replace("\"", "'") + "\"\n  url: \"javascript:alert(3)\"\n");
        fill("changeNote", PAYLOAD);
        submit(driver.findElement(By.cssSelector("button[value=save]")), "hostile page refused");
        assertTrue(driver.getPageSource().contains("must be an http or https address"), "a javascript: source is refused");
        fill("evidence", "- title: \"" + PAYLOAD.replace("\"", "'") + "\"\n  url: \"https://example.org/?q=" + "%3Cscript%3E\"\n");
        submit(driver.findElement(By.cssSelector("button[value=save]")), "hostile page saved");
        visit("/admin/pages/" + slug + "/preview");
        visit("/admin/pages/" + slug);
        submit(driver.findElement(By.cssSelector("button[value='step:submit']")), "hostile page submitted");
        visit("/admin/pages/" + slug + "/review");
        assertFalse(driver.findElements(By.cssSelector("iframe.review-frame")).isEmpty(), "the page under review is shown");
        visit("/admin/pages");
        visit("/admin/pages/" + slug + "/revisions");
        visit("/admin/pages/" + slug + "/revisions/1");
        visit("/admin/audit");
        visit("/admin/moderation?status=all");
        visit("/admin/accounts");
        fill("username", "hostile" + Long.toString(System.nanoTime() % 100_000L, 36));
        fill("displayName", PAYLOAD.substring(0, Math.min(100, PAYLOAD.length())));
        fill("password", "a long enough password 9");
        submit(driver.findElement(By.cssSelector("form[action='/admin/accounts'] button[type=submit]")), "hostile account");
        visit("/admin/accounts");
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckersCatchABrokenTemplate() throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        Template broken = new Template("broken.ftlh", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Broken</title></head><body><main><h1>Broken</h1><img src=\"chart.png\">"
                + "<p>${comment?no_esc}</p></main></body></html>", cfg);
        StringWriter html = new StringWriter();
        broken.process(Map.of("comment", PAYLOAD), html);
        Path file = Files.createTempFile("broken", ".html");
        Files.writeString(file, html.toString());
        try {
            assertTrue(HtmlChecker.errors(html.toString()).stream().anyMatch(e -> e.contains("alt")),
                    "the HTML checker reports the missing alt text");
            driver.get(file.toUri().toString());
            String dialog = null;
            for (int i = 0; i < 10 && dialog == null; i++) {
                pause(Duration.ofMillis(100));
                dialog = chromium.dialog();
            }
            pause(Duration.ofMillis(300));
            chromium.dialog();
            boolean probe = !driver.findElements(By.id("xss-probe")).isEmpty();
            List<String> violations = chromium.accessibilityViolations();
            assertTrue(dialog != null || probe, "the unescaped value is caught");
            assertTrue(violations.stream().anyMatch(v -> v.startsWith("image-alt")), violations.toString());
            assertFalse(violations.isEmpty());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
