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
