package org.veritycms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jsoup.Jsoup;
import org.veritycms.testing.Browser;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestPages;

/**
 * Every page type, public and admin, as the server renders it: valid HTML by the Nu HTML
 * Checker, and the security headers on every response, pages, assets, API and errors alike.
 */
@ExtendWith(ArquillianExtension.class)
class RenderedPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.verity(TestFixtures.class, TestAccounts.class, TestPages.class);
    }

    static RemoteFixtures.PageRef live;
    static RemoteFixtures.PageRef withdrawn;
    static RemoteFixtures.Login everything;
    static String session;

    @BeforeAll
    static void fixtures() {
        live = RemoteFixtures.page(false);
        withdrawn = RemoteFixtures.page(true);
        everything = RemoteFixtures.account("AUTHOR,EDITOR,CLINICAL_REVIEWER,MODERATOR,ADMIN");
        session = Sessions.signIn(everything.username());
    }

    private static HttpResponse<String> open(SiteMap.Screen screen) {
        return screen.signedIn() ? Sessions.get(session, screen.path()) : Http.get(screen.path());
    }

    @Test
    void everyPageTypeIsValidHtml() {
        List<String> problems = new ArrayList<>();
        for (SiteMap.Screen screen : SiteMap.all(live, withdrawn, everything.username())) {
            HttpResponse<String> page = open(screen);
            assertTrue(page.statusCode() < 500, screen.path() + " answered " + page.statusCode());
            HtmlChecker.errors(page.body()).forEach(e -> problems.add(screen.path() + " " + e));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void pagesThatAnswerFormsAndErrorsAreValidHtml() {
        List<String> problems = new ArrayList<>();
        Browser reader = Browser.open(live.url());
        validate(problems, "rating thanks", follow(reader, reader.post(live.url() + "/rating", "stars", "5")));
        HttpResponse<String> commentForm = reader.get(live.url() + "/comment");
        validate(problems, "comment form", commentForm);
        String stamp = Jsoup.parse(commentForm.body()).selectFirst("input[name=shown]").val();
        RemoteFixtures.advanceClock(java.time.Duration.ofSeconds(4)); // past the seconds a person needs to write
        validate(problems, "comment notice", follow(reader, reader.post(live.url() + "/comments", "shown", stamp,
                "name", "Pat", "body", "Thank you, this was clear and kind.")));
        String reportUrl = Jsoup.parse(reader.get(live.url()).body()).selectFirst(".comment-report a").attr("href");
        validate(problems, "report form", reader.get(reportUrl));
        validate(problems, "report sent", follow(reader, reader.post(reportUrl, "reason", "spam", "note", "")));
        Browser subscriber = Browser.open("/subscribe");
        validate(problems, "subscribe sent", follow(subscriber, subscriber.post("/subscribe", "email", "pat@example.org",
                "topic", "exercise")));
        validate(problems, "unsubscribe with a bad link", Http.get("/unsubscribe?token=forged"));
        validate(problems, "confirm with a bad link", Http.get("/subscribe/confirm?token=forged"));
        validate(problems, "used set-up link", Http.get("/admin/setup?token=forged"));
        validate(problems, "sign-in refused", Http.post("/admin/login", "application/x-www-form-urlencoded",
                "username=x&password=y&csrf=forged", "Accept", "text/html"));
        String roleless = Sessions.signIn(RemoteFixtures.account("").username());
        validate(problems, "forbidden screen", Sessions.get(roleless, "/admin/pages"));
        assertEquals(List.of(), problems);
    }

    private static HttpResponse<String> follow(Browser browser, HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse(null);
        if (answer.statusCode() != 303 || location == null) {
            return answer;
        }
        return browser.get(java.net.URI.create(location).getRawPath()
                + (java.net.URI.create(location).getRawQuery() == null ? "" : "?" + java.net.URI.create(location).getRawQuery()));
    }

    private static void validate(List<String> problems, String what, HttpResponse<String> page) {
        if (page.statusCode() >= 500) {
            problems.add(what + " answered " + page.statusCode());
        }
        HtmlChecker.errors(page.body()).forEach(e -> problems.add(what + " " + e));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        List<String> paths = new ArrayList<>();
        SiteMap.all(live, withdrawn, everything.username()).forEach(s -> paths.add(s.path()));
        paths.addAll(List.of("/assets/css/verity.css", "/api/v1/topics", "/api/v1/pages/no-such-page", "/sitemap.xml",
                "/feed.atom", "/robots.txt", "/openapi", "/api/v1/accounts"));
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> r = Http.get(path, "*/*");
            Map<String, List<String>> h = r.headers().map();
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            String scripts = csp.contains("script-src") ? csp.replaceAll(".*script-src ([^;]*).*", "$1")
                    : csp.replaceAll(".*default-src ([^;]*).*", "$1");
            if (!csp.contains("-src") || scripts.contains("unsafe-inline") || !csp.contains("frame-ancestors 'none'")) {
                problems.add(path + " CSP: " + csp);
            }
            if (!"nosniff".equals(r.headers().firstValue("X-Content-Type-Options").orElse(""))) {
                problems.add(path + " X-Content-Type-Options: " + h.get("x-content-type-options"));
            }
            if (r.headers().firstValue("Referrer-Policy").isEmpty()) {
                problems.add(path + " has no Referrer-Policy");
            }
        }
        assertEquals(List.of(), problems);
    }
}
