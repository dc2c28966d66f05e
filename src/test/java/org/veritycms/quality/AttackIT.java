package org.veritycms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Role;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.RawHttp;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestAddresses;
import org.veritycms.testing.TestPages;

/**
 * Attacks from outside: every API operation the OpenAPI document lists, against each role and
 * signed out; malformed, oversized and wrongly typed bodies; every state-changing form (the page
 * editor and its preview, the approval and the review sign-off among them) with a forged token and
 * with none; requests however malformed or large (chunked, broken escapes, TRACE), each answered by the
 * application with a 4xx and the security headers. Nothing may answer 5xx.
 */
@ExtendWith(ArquillianExtension.class)
class AttackIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.verity(TestFixtures.class, TestAccounts.class, TestPages.class);
    }

    /** One API operation. */
    record Operation(String method, String path, boolean open, Set<String> roles, boolean takesBody) {
    }

    static RemoteFixtures.PageRef live;
    static RemoteFixtures.PageRef withdrawn;
    static String inReview;
    static RemoteFixtures.Login everything;
    static final Map<Role, RemoteFixtures.Login> BY_ROLE = new EnumMap<>(Role.class);
    static RemoteFixtures.Login noRole;
    static List<Operation> operations;

    @BeforeAll
    static void fixtures() {
        live = RemoteFixtures.page(false);
        withdrawn = RemoteFixtures.page(true);
        everything = RemoteFixtures.account("AUTHOR,EDITOR,CLINICAL_REVIEWER,MODERATOR,ADMIN");
        for (Role role : Role.values()) {
            BY_ROLE.put(role, RemoteFixtures.account(role.name()));
        }
        noRole = RemoteFixtures.account("");
        inReview = pageInReview();
        operations = operations();
    }

    private static List<Operation> operations() {
        HttpResponse<String> doc = Http.get("/openapi?format=JSON", "application/json");
        JsonObject paths;
        try (var reader = Json.createReader(new StringReader(doc.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        List<Operation> found = new ArrayList<>();
        for (String template : paths.keySet()) {
            String path = template.replace("{slug}", live.slug()).replace("{id}", "1").replace("{number}", "1")
                    .replace("{username}", BY_ROLE.get(Role.AUTHOR).username());
            for (Map.Entry<String, JsonValue> e : paths.getJsonObject(template).entrySet()) {
                if (e.getValue().getValueType() != JsonValue.ValueType.OBJECT || !e.getValue().asJsonObject().containsKey("responses")) {
                    continue;
                }
                JsonObject op = e.getValue().asJsonObject();
                Set<String> roles = op.containsKey("x-roles") ? op.getJsonArray("x-roles").stream()
                        .map(v -> ((JsonString) v).getString()).collect(Collectors.toSet()) : Set.of();
                found.add(new Operation(e.getKey().toUpperCase(), path, "public".equals(op.getString("x-access", "")), roles,
                        op.containsKey("requestBody")));
            }
        }
        assertTrue(found.size() > 40, "the document lists the API: " + found.size());
        return found;
    }

    private static HttpResponse<String> call(Operation op, String contentType, String body, RemoteFixtures.Login as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Http.base() + op.path()))
                .header("Accept", "application/json, */*;q=0.1");
        if (as != null) {
            b.header("Authorization", as.basic());
        }
        if (op.method().equals("GET") || op.method().equals("DELETE")) {
            b.method(op.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return Http.send(b.build());
    }

    @Test
    void everyApiOperationAnswersEachRoleAndTheSignedOutAsItsRuleSays() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            HttpResponse<String> signedOut = call(op, "application/json", "{}", null);
            check(wrong, op, "signed out", signedOut, op.open() ? Set.of() : Set.of(401), op.open() ? Set.of(401, 403) : Set.of());
            HttpResponse<String> roleless = call(op, "application/json", "{}", noRole);
            check(wrong, op, "no role", roleless, op.open() ? Set.of() : Set.of(403), Set.of(401));
            for (Role role : Role.values()) {
                HttpResponse<String> r = call(op, "application/json", "{}", BY_ROLE.get(role));
                boolean allowed = op.open() || op.roles().contains(role.name());
                check(wrong, op, role.name(), r, allowed ? Set.of() : Set.of(403), allowed ? Set.of(401, 403) : Set.of());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void malformedOversizedAndWronglyTypedBodiesGetProblemDetailsNeverA5xx() {
        String huge = "{\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.takesBody()) {
                continue;
            }
            check(wrong, op, "malformed JSON", call(op, "application/json", "{\"title\": ", everything), Set.of(400), Set.of());
            check(wrong, op, "text/plain", call(op, "text/plain", "hello", everything), Set.of(415), Set.of());
            check(wrong, op, "2 MiB", call(op, "application/json", huge, everything), Set.of(413), Set.of());
        }
        assertEquals(List.of(), wrong);
    }

    private static final long MIB = 1024 * 1024;

    @Test
    void aChunkedBodyOverTheLimitIsRefused413LikeADeclaredOne() {
        RawHttp.Answer r = RawHttp.send("POST", "/api/v1/editorial/pages", 2 * MIB, true, "Content-Type", "application/json",
                "Accept", "application/json", "Authorization", everything.basic());
        assertProblem(r, 413, "too-large");
    }

    @Test
    void bodiesFarOverTheLimitAreAnswered413NotCutOff() {
        String[] api = {"Content-Type", "application/json", "Accept", "application/json", "Authorization", everything.basic()};
        String[] form = {"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"};
        assertProblem(RawHttp.send("POST", "/api/v1/editorial/pages", 5 * MIB, false, api), 413, "too-large");
        assertProblem(RawHttp.send("POST", "/api/v1/editorial/pages", 10 * MIB, true, api), 413, "too-large");
        // under /admin the error page keeps the admin's frame
        assertThemedPage(RawHttp.send("POST", "/admin/login", 5 * MIB, false, form), 413, "Request too large", "Verity admin");
        assertThemedPage(RawHttp.send("POST", "/admin/login", 10 * MIB, true, form), 413, "Request too large", "Verity admin");
    }

    @Test
    void aBodyTheApiDoesNotTakeIsRefused415NamingWhatItTakes() {
        for (String type : List.of("text/plain", "foo", "application/")) {
            RawHttp.Answer r = RawHttp.send("POST", "/api/v1/editorial/pages", 2, false, "Content-Type", type,
                    "Accept", "application/json", "Authorization", everything.basic());
            assertProblem(r, 415, "unsupported-media-type");
            assertTrue(r.body().contains("application/json"), type + ": the detail names the accepted type: " + r.body());
        }
    }

    @Test
    void aBrokenPercentEscapeIsAnswered400ByTheApplication() {
        assertProblem(RawHttp.send("GET", "/api/v1/pages/%ff", "Accept", "application/json"), 400, "malformed-address");
        assertProblem(RawHttp.send("GET", "/api/v1/pages?q=%", "Accept", "application/json"), 400, "malformed-address");
        assertThemedPage(RawHttp.send("GET", "/search?q=%", "Accept", "text/html"), 400, "Bad request", "Verity");
        assertThemedPage(RawHttp.send("GET", "/%ff", "Accept", "text/html"), 400, "Bad request", "Verity");
        RawHttp.Answer wellFormed = RawHttp.send("GET", "/search?q=back%20pain", "Accept", "text/html");
        assertEquals(200, wellFormed.status(), "a well-formed escape is still decoded");
        assertTrue(wellFormed.body().contains("back pain"), "the search shows the decoded words");
    }

    @Test
    void traceIsRefused405WithTheMethodsAllowed() {
        for (String target : List.of("/", "/assets/site.css", "/api/v1/topics")) {
            RawHttp.Answer r = RawHttp.send("TRACE", target, "Accept", "text/html", "X-Probe", "echo-me");
            assertEquals(405, r.status(), target + ": " + r.body());
            String allow = r.header("Allow");
            assertTrue(allow != null && allow.contains("GET") && !allow.contains("TRACE"), target + " Allow: " + allow);
            assertFalse(r.body().contains("echo-me"), target + ": the request is not echoed");
            assertSecurityHeaders(r, "TRACE " + target);
        }
    }

    private static void assertProblem(RawHttp.Answer r, int status, String type) {
        assertEquals(status, r.status(), r.body());
        assertTrue(String.valueOf(r.header("Content-Type")).startsWith("application/problem+json"), "problem+json: " + r.headers());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject problem = reader.readObject();
            assertEquals("urn:verity:problem:" + type, problem.getString("type"));
            assertEquals(status, problem.getInt("status"));
        }
        assertSecurityHeaders(r, status + " " + type);
    }

    private static void assertThemedPage(RawHttp.Answer r, int status, String title, String site) {
        assertEquals(status, r.status(), r.body());
        assertTrue(String.valueOf(r.header("Content-Type")).startsWith("text/html"), "an HTML page: " + r.headers());
        assertEquals(title + " - " + site, Jsoup.parse(r.body()).title(), "the themed error page");
        assertSecurityHeaders(r, status + " " + title);
    }

    /** The application's security headers, each sent once. */
    private static void assertSecurityHeaders(RawHttp.Answer r, String what) {
        for (String name : List.of("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options")) {
            assertEquals(1, r.headers().getOrDefault(name.toLowerCase(), List.of()).size(), what + " sends " + name + " once: " + r.headers());
        }
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), what);
    }

    /** Records a wrong answer: a 5xx always; otherwise one not in {@code expected} (when given) or in {@code refused}. */
    private static void check(List<String> wrong, Operation op, String who, HttpResponse<String> r, Set<Integer> expected,
            Set<Integer> refused) {
        int status = r.statusCode();
        boolean problemJson = status < 400 || r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (status >= 500 || !expected.isEmpty() && !expected.contains(status) || refused.contains(status) || !problemJson) {
            wrong.add(op.method() + " " + op.path() + " " + who + ": " + status + " "
                    + r.body().substring(0, Math.min(200, r.body().length())));
        }
    }

    /** A form to send: the address it posts to (its action, or a button's formaction), and the cookie it goes with. */
    record FormTarget(String path, Element form, String cookie) {
    }

    @Test
    void everyStaffFormRefusesAForgedOrMissingTokenAndEveryReadersFormAnotherSite() {
        String session = Sessions.signIn(everything.username());
        Map<String, FormTarget> forms = new LinkedHashMap<>();
        List<SiteMap.Screen> screens = new ArrayList<>(SiteMap.all(live, withdrawn, everything.username()));
        screens.addAll(SiteMap.inReview(inReview));
        for (SiteMap.Screen screen : screens) {
            HttpResponse<String> page = screen.signedIn() ? Sessions.get(session, screen.path()) : Http.get(screen.path());
            if (screen.signedIn()) {
                assertEquals(200, page.statusCode(), screen.path());
            }
            assertTrue(screen.signedIn() || screen.path().startsWith("/admin")
                    || page.headers().allValues("Set-Cookie").isEmpty(), screen.path() + " sets no cookie on a reader's view");
            String cookie = screen.signedIn() ? session : "";
            for (Element form : Jsoup.parse(page.body()).select("form")) {
                if (!form.attr("method").equalsIgnoreCase("post")) {
                    continue;
                }
                Set<String> targets = new LinkedHashSet<>();
                targets.add(form.attr("action"));
                form.select("button[formaction], input[formaction]").forEach(b -> targets.add(b.attr("formaction")));
                for (String target : targets) {
                    forms.putIfAbsent(target + (screen.signedIn() ? " (signed in)" : ""), new FormTarget(target, form, cookie));
                }
            }
        }
        String user = "/admin/accounts/" + everything.username();
        for (String form : List.of("rating", "comments", "subscribe")) {
            assertTrue(forms.keySet().stream().anyMatch(k -> k.matches("(/[a-z0-9-]+/rich-[a-z0-9-]+)?/" + form)),
                    "the rich page's " + form + " form was crawled: " + forms.keySet());
        }
        List<String> expected = new ArrayList<>(List.of(live.url() + "/rating", "/subscribe", "/admin/login"));
        for (String path : List.of("/admin/logout", "/admin/pages/new", "/admin/pages/new/preview",
                "/admin/pages/" + live.slug(), "/admin/pages/" + live.slug() + "/preview",
                "/admin/pages/" + live.slug() + "/review", "/admin/pages/" + inReview,
                "/admin/pages/" + inReview + "/preview", "/admin/pages/" + inReview + "/approve", "/admin/accounts", user,
                user + "/password")) {
            expected.add(path + " (signed in)");
        }
        List<String> missing = expected.stream().filter(f -> !forms.containsKey(f)).toList();
        assertEquals(List.of(), missing, "the crawl found every state-changing form; it found " + forms.keySet());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, FormTarget> entry : forms.entrySet()) {
            Element form = entry.getValue().form();
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                fields.putIfAbsent(input.attr("name"), input.is("textarea") ? input.text() : input.val());
            }
            if (!entry.getValue().path().startsWith("/admin")) {
                // A readers' form stands on a page shared by everyone: no token, but another site may not send it.
                if (!form.select("input[name=csrf]").isEmpty()) {
                    wrong.add(entry.getKey() + " carries a per-reader token on a shared page");
                }
                for (String[] header : new String[][] {{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}}) {
                    HttpResponse<String> r = Http.post(entry.getValue().path(), "application/x-www-form-urlencoded",
                            encode(fields), header[0], header[1], TestAddresses.HEADER, TestAddresses.next());
                    if (r.statusCode() != 403) {
                        wrong.add(entry.getKey() + " sent with " + header[0] + ": " + header[1] + ": " + r.statusCode());
                    }
                }
                continue;
            }
            if (form.select("input[name=csrf]").isEmpty()) {
                wrong.add(entry.getKey() + " has no CSRF field");
            }
            for (String token : new String[] {"forged", null}) {
                Map<String, String> sent = new LinkedHashMap<>(fields);
                if (token == null) {
                    sent.remove("csrf");
                } else {
                    sent.put("csrf", token);
                }
                HttpResponse<String> r = Http.post(entry.getValue().path(), "application/x-www-form-urlencoded", encode(sent),
                        "Cookie", entry.getValue().cookie());
                if (r.statusCode() != 403) {
                    wrong.add(entry.getKey() + " with " + (token == null ? "no token" : "a forged token") + ": " + r.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    // The outside probe's findings, each reproduced. (The sign-in answers and back-off, and a browser
    // session used from another site, are in AccessIT, which can sign in from a second address.)

    @Test
    void aReadersAddressReachesAdministratorsOnlyAndIsMaskedForOtherStaff() {
        String local = "probe-" + Long.toString(System.nanoTime(), 36);
        String address = local + "@readers.example";
        HttpResponse<String> asked = Http.post("/subscribe", "application/x-www-form-urlencoded",
                encode(Map.of("email", address, "topic", live.topic())), TestAddresses.HEADER, TestAddresses.next());
        assertTrue(asked.statusCode() == 303 || asked.statusCode() == 200, asked.statusCode() + " " + asked.body());

        HttpResponse<String> admin = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/notifications"))
                .header("Authorization", BY_ROLE.get(Role.ADMIN).basic()).header("Accept", "application/json").build());
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains(address), "an administrator sees the address");
        HttpResponse<String> editor = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/notifications"))
                .header("Authorization", BY_ROLE.get(Role.EDITOR).basic()).header("Accept", "application/json").build());
        assertEquals(200, editor.statusCode());
        assertTrue(!editor.body().contains(local), "an editor sees the address masked: " + editor.body());
        String reviewer = Sessions.signIn(BY_ROLE.get(Role.CLINICAL_REVIEWER).username());
        HttpResponse<String> operations = Sessions.get(reviewer, "/admin/operations");
        assertEquals(200, operations.statusCode());
        assertTrue(!operations.body().contains(local), "a clinical reviewer sees the address masked");
    }

    @Test
    void controlCharactersAreRefusedByFieldAndTheFeedsStayReadable() {
        String slug = "probe-bell-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        HttpResponse<String> bell = api("POST", "/api/v1/editorial/pages", "application/json",
                pageJson(slug, "Bell\u0007 title", "https://example.org/guideline"), BY_ROLE.get(Role.AUTHOR));
        assertEquals(400, bell.statusCode(), bell.body());
        assertTrue(bell.body().contains("\"title\""), "the field is named: " + bell.body());
        for (String feed : List.of("/feed.atom", "/" + live.topic() + "/feed.atom")) {
            HttpResponse<String> r = Http.get(feed, "application/atom+xml");
            assertEquals(200, r.statusCode(), feed);
            assertTrue(r.body().chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), feed);
        }
        HttpResponse<String> form = Http.get("/admin/login");
        String csrf = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").val();
        for (String next : List.of("/a b", "/a\tb", "/a\u3000b", "//evil.example/", "https://evil.example/")) {
            HttpResponse<String> signedIn = Http.post("/admin/login", "application/x-www-form-urlencoded",
                    encode(Map.of("csrf", csrf, "username", everything.username(), "password", everything.password(), "next", next)),
                    "Cookie", readerCookie(form));
            assertTrue(signedIn.statusCode() < 500, next + ": " + signedIn.statusCode());
            String location = signedIn.headers().firstValue("Location").orElse("");
            assertTrue(!location.contains("evil.example") && (location.isEmpty() || location.startsWith("/")
                    || location.startsWith(Http.base() + "/")), next + " went to " + location);
        }
    }

    @Test
    void onlyWebAddressesOwnDraftsWholeVersionsUtf8AndNamedTypesGetIn() {
        RemoteFixtures.Login author = BY_ROLE.get(Role.AUTHOR);
        String slug = "probe-input-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        HttpResponse<String> script = api("POST", "/api/v1/editorial/pages", "application/json",
                pageJson(slug, "A title", "javascript:alert(1)"), author);
        assertEquals(400, script.statusCode(), script.body());
        assertTrue(script.body().contains("evidence"), script.body());
        HttpResponse<String> created = api("POST", "/api/v1/editorial/pages", "application/json",
                pageJson(slug, "A title", "https://example.org/guideline"), author);
        assertEquals(201, created.statusCode(), created.body());
        String path = "/api/v1/editorial/pages/" + slug;
        String saved = pageJson(slug, "A new title", "https://example.org/guideline").replace("{", "{\"version\":VERSION,");
        HttpResponse<String> otherAuthor = api("PUT", path, "application/json", saved.replace("VERSION", "0"),
                RemoteFixtures.account("AUTHOR"));
        assertEquals(403, otherAuthor.statusCode(), "another author's draft: " + otherAuthor.body());
        for (String version : List.of("0.5", "1.5", "99999999999999999999", "1e400")) {
            HttpResponse<String> r = api("PUT", path, "application/json", saved.replace("VERSION", version), author);
            assertEquals(400, r.statusCode(), version + ": " + r.body());
            assertTrue(r.body().contains("\"version\""), version + ": " + r.body());
        }
        byte[] notUtf8 = saved.replace("VERSION", "0").replace("A new title", "A new title \u00ff").getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> latin1 = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                .header("Authorization", author.basic()).header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(notUtf8)).build());
        assertEquals(400, latin1.statusCode(), latin1.body());
        assertTrue(latin1.body().contains("invalid-encoding"), latin1.body());
        HttpResponse<String> wildcard = api("POST", "/api/v1/editorial/preview", "*/*", "# Not JSON", author);
        assertEquals(415, wildcard.statusCode(), wildcard.body());
        HttpResponse<String> detail = api("GET", path, null, null, author);
        assertTrue(detail.body().contains("\"A title\""), "nothing was changed: " + detail.body());
    }

    private static HttpResponse<String> api(String method, String path, String contentType, String body, RemoteFixtures.Login as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Http.base() + path)).header("Accept", "application/json")
                .header("Authorization", as.basic());
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return Http.send(b.build());
    }

    private static String pageJson(String slug, String title, String evidenceUrl) {
        return Json.createObjectBuilder().add("slug", slug).add("topic", live.topic()).add("title", title)
                .add("summary", "What the probe sent.").add("body", "Some advice.\n\n## When to get help\n\nCall 111.\n")
                .add("tier", "STANDARD").add("owner", "physio-team").add("comments", "CLOSED")
                .add("evidence", Json.createArrayBuilder().add(Json.createObjectBuilder().add("title", "A guideline")
                        .add("url", evidenceUrl).add("publisher", "A body").add("accessed", "2026-10-01")))
                .add("changeNote", "").build().toString();
    }

    private static String readerCookie(HttpResponse<String> page) {
        return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("verity_reader="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
    }

    /** A page an author wrote and submitted for review through the admin's forms, so its approval form is offered. */
    private static String pageInReview() {
        RemoteFixtures.Login author = RemoteFixtures.account("AUTHOR");
        String session = Sessions.signIn(author.username());
        String slug = "attack-review-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String csrf = Jsoup.parse(Sessions.get(session, "/admin/pages/new").body()).selectFirst("input[name=csrf]").val();
        Map<String, String> page = new LinkedHashMap<>();
        page.put("csrf", csrf);
        page.put("slug", slug);
        page.put("topic", "exercise");
        page.put("title", "A page waiting for review");
        page.put("summary", "Written by the attack test.");
        page.put("tier", "STANDARD");
        page.put("comments", "CLOSED");
        page.put("body", "Some advice.\n\n## When to get help\n\nCall 111.\n");
        page.put("action", "save");
        HttpResponse<String> created = Http.post("/admin/pages/new", "application/x-www-form-urlencoded", encode(page),
                "Cookie", session);
        assertEquals(303, created.statusCode(), created.body());
        HttpResponse<String> submitted = Http.post("/admin/pages/" + slug, "application/x-www-form-urlencoded",
                encode(Map.of("csrf", csrf, "action", "step:submit")), "Cookie", session);
        assertEquals(303, submitted.statusCode(), submitted.body());
        return slug;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Set<String> unique(List<String> values) {
        return new LinkedHashSet<>(values);
    }
}
