package org.veritycms.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.TestAccounts;

/** Sign-in, sessions, lockout, CSRF and role checks, over HTTP. */
@ExtendWith(ArquillianExtension.class)
class AccessIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, org.veritycms.testing.Sessions.class);
    }

    @Inject
    TestAccounts testAccounts;

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    SignIn signIn;

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void signInOpensASessionThatReachesTheAdmin() {
        Account editor = testAccounts.create(Role.EDITOR);
        String cookie = signIn(editor.username(), TestAccounts.PASSWORD, 303);
        HttpResponse<String> admin = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/admin"))
                .header("Cookie", cookie).build());
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains(editor.displayName()));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        Account editor = testAccounts.create(Role.EDITOR);
        HttpResponse<String> response = postLogin(editor.username(), TestAccounts.PASSWORD);
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionStore.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    }

    @Test
    void signedOutBrowserIsSentToSignInAndApiGets401() {
        HttpResponse<String> browser = Http.get("/admin");
        assertEquals(303, browser.statusCode());
        assertTrue(browser.headers().firstValue("Location").orElse("").contains("/admin/login?next=%2Fadmin"));
        HttpResponse<String> api = Http.get("/api/v1/me", "application/json");
        assertEquals(401, api.statusCode());
        assertEquals("application/problem+json", api.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void apiAcceptsBasicCredentialsWithoutASession() {
        Account reviewer = testAccounts.create(Role.CLINICAL_REVIEWER);
        HttpResponse<String> me = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/me"))
                .header("Authorization", TestAccounts.basic(reviewer)).build());
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("CLINICAL_REVIEWER"));
        assertTrue(me.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SessionStore.COOKIE)));
    }

    @Test
    void accountWithoutARoleIsForbidden() {
        Account nobody = testAccounts.create();
        HttpResponse<String> me = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/me"))
                .header("Authorization", TestAccounts.basic(nobody)).build());
        assertEquals(403, me.statusCode());
    }

    @Test
    void repeatedFailuresBackOffThatAddressOnlyWithOneAnswerForEveryFailure() {
        Account editor = testAccounts.create(Role.EDITOR);
        String unknown = postLogin("nobody-" + editor.username(), "wrong password").body();
        for (int i = 0; i < 4; i++) {
            assertEquals(401, postLogin(editor.username(), "wrong password " + i).statusCode());
        }
        HttpResponse<String> fifth = postLogin(editor.username(), "wrong password 5");
        assertEquals(401, fifth.statusCode());
        assertEquals(message(unknown), message(fifth.body()), "the same answer for an unknown user and a backed-off one");
        HttpResponse<String> right = postLogin(editor.username(), TestAccounts.PASSWORD);
        assertEquals(401, right.statusCode(), "from this address, even the right password waits");
        assertTrue(signIn.attempt(editor.username(), TestAccounts.PASSWORD, "203.0.113.9").succeeded(),
                "the owner signing in from elsewhere is not locked out by a stranger's guesses");
        Account disabled = testAccounts.create(Role.EDITOR);
        testAccounts.disable(disabled);
        assertFalse(signIn.attempt(disabled.username(), TestAccounts.PASSWORD, "203.0.113.10").succeeded());
    }

    private static String message(String html) {
        int start = html.indexOf("role=\"alert\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</", start));
    }

    @Test
    void aBrowserSessionChangesNothingThroughTheApiFromAnotherSite() {
        Account editor = testAccounts.create(Role.EDITOR);
        String cookie = org.veritycms.testing.Sessions.signIn(editor.username());
        String body = "{\"body\": \"**hello**\"}";
        HttpResponse<String> forged = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/preview"))
                .header("Cookie", cookie).header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("cross-site"), forged.body());
        HttpResponse<String> noOrigin = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/preview"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(403, noOrigin.statusCode(), "without Origin or Sec-Fetch-Site a cookie alone is not enough");
        HttpResponse<String> crossFetch = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/preview"))
                .header("Cookie", cookie).header("Sec-Fetch-Site", "cross-site").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(403, crossFetch.statusCode());
        HttpResponse<String> own = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/preview"))
                .header("Cookie", cookie).header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("<strong>hello</strong>"), own.body());
        assertEquals(200, org.veritycms.testing.Sessions.get(cookie, "/api/v1/me").statusCode(), "reading with the session stays allowed");
    }

    @Test
    void formWithoutItsCsrfTokenIsRefused() {
        Account editor = testAccounts.create(Role.EDITOR);
        HttpResponse<String> response = Http.post("/admin/login", "application/x-www-form-urlencoded",
                "username=" + editor.username() + "&password=" + enc(TestAccounts.PASSWORD) + "&csrf=forged");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("expired"));
    }

    @Test
    void signInNeverRedirectsToAnotherSite() {
        assertEquals("/admin", SignInResource.safeNext("//evil.example/x"));
        assertEquals("/admin", SignInResource.safeNext("https://evil.example/"));
        assertEquals("/admin/pages", SignInResource.safeNext("/admin/pages"));
        assertEquals("/admin/pages?status=DRAFT&q=knee%20pain", SignInResource.safeNext("/admin/pages?status=DRAFT&q=knee%20pain"));
        for (String odd : new String[] {"/a b", "/a\tb", "/a\u3000b", "/\\evil.example", "/a\r\nSet-Cookie:x=y"}) {
            assertEquals("/admin", SignInResource.safeNext(odd), odd);
        }
    }

    @Test
    void theOneTimeSetUpLinkStopsWorkingOnceAnAccountExists() {
        testAccounts.create(Role.EDITOR);
        HttpResponse<String> used = Http.get("/admin/setup?token=" + firstAdmin.setupToken());
        assertEquals(410, used.statusCode());
        assertTrue(used.body().contains("Sign in instead"), used.body());
        assertEquals(410, Http.get("/admin/setup?token=forged").statusCode());
    }

    private String signIn(String username, String password, int expectedStatus) {
        HttpResponse<String> response = postLogin(username, password);
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SessionStore.COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** Gets the form (and its reader cookie and token), then posts it. */
    private HttpResponse<String> postLogin(String username, String password) {
        HttpResponse<String> form = Http.get("/admin/login");
        String reader = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("verity_reader="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher m = CSRF.matcher(form.body());
        assertTrue(m.find());
        return Http.post("/admin/login", "application/x-www-form-urlencoded",
                "username=" + enc(username) + "&password=" + enc(password) + "&next=%2Fadmin&csrf=" + enc(m.group(1)),
                "Cookie", reader);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
