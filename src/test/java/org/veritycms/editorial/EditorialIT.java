package org.veritycms.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.veritycms.editorial.EditorialApiClient.BODY;
import static org.veritycms.editorial.EditorialApiClient.array;
import static org.veritycms.editorial.EditorialApiClient.call;
import static org.veritycms.editorial.EditorialApiClient.get;
import static org.veritycms.editorial.EditorialApiClient.object;
import static org.veritycms.editorial.EditorialApiClient.pageJson;
import static org.veritycms.editorial.EditorialApiClient.post;
import static org.veritycms.editorial.EditorialApiClient.put;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.content.ContentImporter;
import org.veritycms.content.ImportReport;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.TestAccounts;

/** The management API: roles on every endpoint, the workflow and its refusals, four eyes, 409s, audit and export. */
@ExtendWith(ArquillianExtension.class)
class EditorialIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, EditorialApiClient.class);
    }

    @Inject
    TestAccounts accounts;

    @Inject
    ContentImporter importer;

    static String newSlug() {
        return "ed-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new draft written by this author; returns its slug. */
    private String draft(Account author) {
        String slug = newSlug();
        HttpResponse<String> created = post("/api/v1/editorial/pages", pageJson(slug, "exercise", "Knee rolls " + slug, BODY,
                null, "First draft"), author);
        assertEquals(201, created.statusCode(), created.body());
        return slug;
    }

    private JsonObject step(String slug, String step, Account as, int expected) {
        HttpResponse<String> r = post("/api/v1/editorial/pages/" + slug + "/transitions", "{\"step\":\"" + step + "\"}", as);
        assertEquals(expected, r.statusCode(), step + " by " + as.roles() + ": " + r.body());
        return object(r);
    }

    @Test
    void everyEditorialEndpointRefusesSignedOutCallersAndWrongRoles() {
        Account author = accounts.create(Role.AUTHOR);
        String slug = draft(author);
        String page = "/api/v1/editorial/pages/" + slug;
        String body = pageJson(slug, "exercise", "T", BODY, 0L, null);
        record Endpoint(String method, String path, String json, Set<Role> allowed) {
        }
        Set<Role> readers = Set.of(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN);
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/editorial/pages", null, readers),
                new Endpoint("POST", "/api/v1/editorial/pages", "{}", Set.of(Role.AUTHOR, Role.EDITOR)),
                new Endpoint("GET", page, null, readers),
                new Endpoint("PUT", page, body, Set.of(Role.AUTHOR, Role.EDITOR)),
                new Endpoint("POST", page + "/transitions", "{\"step\":\"nothing\"}",
                        Set.of(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER)),
                new Endpoint("PUT", page + "/schedule", "{}", Set.of(Role.EDITOR)),
                new Endpoint("GET", page + "/media", null, readers),
                new Endpoint("GET", page + "/revisions", null, readers),
                new Endpoint("GET", page + "/revisions/1", null, readers),
                new Endpoint("GET", page + "/diff?from=1&to=1", null, readers),
                new Endpoint("POST", "/api/v1/editorial/preview", "{\"body\":\"*hi*\"}",
                        Set.of(Role.AUTHOR, Role.EDITOR, Role.CLINICAL_REVIEWER)),
                new Endpoint("GET", "/api/v1/export", null, Set.of(Role.EDITOR, Role.ADMIN)),
                new Endpoint("GET", "/api/v1/audit", null, Set.of(Role.EDITOR, Role.ADMIN)),
                new Endpoint("GET", "/api/v1/accounts", null, Set.of(Role.ADMIN)),
                new Endpoint("POST", "/api/v1/accounts", "{}", Set.of(Role.ADMIN)),
                new Endpoint("GET", "/api/v1/accounts/" + author.username(), null, Set.of(Role.ADMIN)),
                new Endpoint("PUT", "/api/v1/accounts/" + author.username(), "{}", Set.of(Role.ADMIN)),
                new Endpoint("PUT", "/api/v1/accounts/" + author.username() + "/password", "{}", Set.of(Role.ADMIN)),
                new Endpoint("POST", "/api/v1/pages/" + slug + "/reviews", "{}", Set.of(Role.CLINICAL_REVIEWER, Role.EDITOR)),
                new Endpoint("GET", "/api/v1/pages/" + slug + "/reviews", null, readers));
        Map<Role, Account> byRole = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            byRole.put(role, accounts.create(role));
        }
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            int signedOut = call(e.method(), e.path(), e.json(), null).statusCode();
            if (signedOut != 401) {
                wrong.add(e.method() + " " + e.path() + " signed out: " + signedOut);
            }
            for (Role role : Role.values()) {
                HttpResponse<String> r = call(e.method(), e.path(), e.json(), byRole.get(role));
                boolean refused = r.statusCode() == 403 && r.body().contains("problem:forbidden\"");
                if (e.allowed().contains(role) == refused || r.statusCode() == 401 || r.statusCode() >= 500) {
                    wrong.add(e.method() + " " + e.path() + " as " + role + ": " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPageGoesFromDraftThroughReviewToLiveAndEachStepIsAudited() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = draft(author);
        assertEquals(404, Http.get("/exercise/" + slug).statusCode(), "a draft is not on the site");

        JsonObject submitted = step(slug, "submit", author, 200);
        assertEquals("IN_REVIEW", submitted.getString("status"));
        JsonObject approved = step(slug, "approve", reviewer, 200);
        assertEquals("APPROVED", approved.getString("status"));
        HttpResponse<String> signOff = post("/api/v1/pages/" + slug + "/reviews", "{\"kind\":\"FULL\",\"scopeNotes\":\"All of it\"}",
                reviewer);
        assertEquals(201, signOff.statusCode(), signOff.body());
        long imageId = approved.getJsonArray("media").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(201, post("/api/v1/pages/" + slug + "/reviews", "{\"kind\":\"FULL\",\"mediaItemId\":" + imageId + "}",
                reviewer).statusCode(), "the new image is reviewed on its own");
        JsonObject live = step(slug, "publish", editor, 200);
        assertEquals("PUBLISHED", live.getString("status"));
        assertEquals("CURRENT", live.getString("reviewState"), "the sign-offs set the page's and the image's dates");
        HttpResponse<String> page = Http.get("/exercise/" + slug);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Knee rolls " + slug));

        HttpResponse<String> audit = get("/api/v1/audit?subject=" + slug, editor);
        assertEquals(200, audit.statusCode(), audit.body());
        List<String> actions = array(audit).stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("page.publish", "review.full", "review.full", "page.approve", "page.submit", "page.create"),
                actions);
        JsonObject approval = array(audit).get(3).asJsonObject();
        assertEquals(reviewer.username(), approval.getString("actor"));
        assertTrue(approval.getString("before").contains("IN_REVIEW"), approval.toString());
        assertTrue(approval.getString("after").contains("APPROVED"), approval.toString());

        step(slug, "withdraw", editor, 200);
        assertEquals(410, Http.get("/exercise/" + slug).statusCode());
        step(slug, "reopen", editor, 200);
        assertEquals("page.reopen", array(get("/api/v1/audit?subject=" + slug, editor)).get(0).asJsonObject()
                .getString("action"));
    }

    @Test
    void stepsOutOfOrderOrByTheWrongRoleAreRefused() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = draft(author);
        assertEquals("workflow", step(slug, "approve", reviewer, 409).getString("type").replaceAll(".*:", ""));
        assertEquals("workflow", step(slug, "publish", editor, 409).getString("type").replaceAll(".*:", ""));
        step(slug, "submit", author, 200);
        step(slug, "approve", author, 403);
        step(slug, "publish", reviewer, 403);
        step(slug, "approve", editor, 403);
        HttpResponse<String> unknown = post("/api/v1/editorial/pages/" + slug + "/transitions", "{\"step\":\"launch\"}", editor);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"step\""), unknown.body());
        step(slug, "return", reviewer, 200);
        JsonObject draft = object(get("/api/v1/editorial/pages/" + slug, author));
        assertEquals("DRAFT", draft.getString("status"));
    }

    @Test
    void aPageWithoutWhenToGetHelpCannotBeSubmitted() {
        Account author = accounts.create(Role.AUTHOR);
        String slug = newSlug();
        assertEquals(201, post("/api/v1/editorial/pages", pageJson(slug, "exercise", "No help", "Just move.\n", null, null),
                author).statusCode());
        JsonObject refused = step(slug, "submit", author, 409);
        assertTrue(refused.getString("detail").contains("When to get help"), refused.toString());
    }

    @Test
    void aClinicalReviewerNeverApprovesTheirOwnRevision() {
        Account writerReviewer = accounts.create(Role.AUTHOR, Role.CLINICAL_REVIEWER);
        Account otherReviewer = accounts.create(Role.CLINICAL_REVIEWER);
        String slug = draft(writerReviewer);
        step(slug, "submit", writerReviewer, 200);
        JsonObject refused = step(slug, "approve", writerReviewer, 403);
        assertTrue(refused.getString("type").endsWith("four-eyes"), refused.toString());
        step(slug, "approve", otherReviewer, 200);
    }

    @Test
    void invalidPagesAreRefusedFieldByField() {
        Account author = accounts.create(Role.AUTHOR);
        HttpResponse<String> r = post("/api/v1/editorial/pages", "{\"slug\":\"Not A Slug\",\"title\":\"\"}", author);
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = object(r);
        Set<String> named = problem.getJsonArray("errors").stream().map(v -> v.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
        assertTrue(named.containsAll(Set.of("slug", "title", "summary", "body", "tier", "comments")), named.toString());
        HttpResponse<String> malformed = post("/api/v1/editorial/pages", "{\"slug\":", author);
        assertEquals(400, malformed.statusCode());
    }

    @Test
    void twoEditorsSavingTheSameVersionAtOnceGetOneSaveAndOneConflict() throws Exception {
        Account author = accounts.create(Role.AUTHOR);
        Account first = accounts.create(Role.EDITOR);
        Account second = accounts.create(Role.EDITOR);
        String slug = draft(author);
        long version = object(get("/api/v1/editorial/pages/" + slug, first)).getJsonNumber("version").longValue();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<HttpResponse<String>> a = () -> {
                start.await();
                return put("/api/v1/editorial/pages/" + slug, pageJson(slug, "exercise", "Version A", BODY + "\nA.\n", version,
                        "A's edit"), first);
            };
            Callable<HttpResponse<String>> b = () -> {
                start.await();
                return put("/api/v1/editorial/pages/" + slug, pageJson(slug, "exercise", "Version B", BODY + "\nB.\n", version,
                        "B's edit"), second);
            };
            Future<HttpResponse<String>> fa = pool.submit(a);
            Future<HttpResponse<String>> fb = pool.submit(b);
            start.countDown();
            HttpResponse<String> ra = fa.get();
            HttpResponse<String> rb = fb.get();
            List<Integer> statuses = new ArrayList<>(List.of(ra.statusCode(), rb.statusCode()));
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, ra.body() + "\n" + rb.body());
            HttpResponse<String> loser = ra.statusCode() == 409 ? ra : rb;
            String winnerTitle = ra.statusCode() == 200 ? "Version A" : "Version B";
            assertTrue(object(loser).getString("detail").contains("Nothing was overwritten"), loser.body());
            JsonObject now = object(get("/api/v1/editorial/pages/" + slug, first));
            assertEquals(winnerTitle, now.getString("title"));
            assertEquals(2, now.getInt("revision"));
            JsonObject diff = object(get("/api/v1/editorial/pages/" + slug + "/diff?from=1&to=2", first));
            List<String> added = diff.getJsonArray("lines").stream().map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("kind").equals("ADDED")).map(l -> l.getString("text")).toList();
            assertTrue(added.contains("title: " + winnerTitle), added.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSaveWithoutItsVersionOrByAnAuthorOnAPublishedPageIsRefused() {
        Account author = accounts.create(Role.AUTHOR);
        String slug = draft(author);
        HttpResponse<String> noVersion = put("/api/v1/editorial/pages/" + slug, pageJson(slug, "exercise", "T", BODY, null, null),
                author);
        assertEquals(400, noVersion.statusCode());
        assertTrue(noVersion.body().contains("\"version\""), noVersion.body());
    }

    @Test
    void theAuditLogCannotBeChangedOrDeleted() {
        Account admin = accounts.create(Role.ADMIN);
        assertEquals(405, call("PUT", "/api/v1/audit", "{}", admin).statusCode());
        assertEquals(405, call("DELETE", "/api/v1/audit", null, admin).statusCode());
        assertEquals(405, call("POST", "/api/v1/audit", "{}", admin).statusCode());
    }

    @Test
    void administratorsManageAccountsButNeverLockThemselvesOut() {
        Account admin = accounts.create(Role.ADMIN);
        String username = "new-" + RUN + "-" + SEQUENCE.incrementAndGet();
        HttpResponse<String> created = post("/api/v1/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"Dr New\","
                + "\"roles\":[\"CLINICAL_REVIEWER\"],\"profession\":\"Physiotherapist\",\"password\":\"a long pass phrase 42\"}",
                admin);
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains("password"), "the hash is never shown");
        HttpResponse<String> weak = post("/api/v1/accounts", "{\"username\":\"weak-" + RUN + "\",\"displayName\":\"W\","
                + "\"roles\":[],\"password\":\"short\"}", admin);
        assertEquals(400, weak.statusCode());
        HttpResponse<String> me = me(username, "a long pass phrase 42");
        assertEquals(200, me.statusCode(), "the new account signs in");
        HttpResponse<String> demoteSelf = put("/api/v1/accounts/" + admin.username(), "{\"roles\":[\"EDITOR\"]}", admin);
        assertEquals(409, demoteSelf.statusCode());
        HttpResponse<String> disable = put("/api/v1/accounts/" + username, "{\"enabled\":false}", admin);
        assertEquals(200, disable.statusCode(), disable.body());
        assertEquals(401, me(username, "a long pass phrase 42").statusCode(), "a disabled account cannot sign in");
        List<String> actions = array(get("/api/v1/audit?subject=" + username, admin)).stream()
                .map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("account.update", "account.create"), actions);
    }

    @Test
    void theExportImportsBackUnchanged() throws IOException {
        Account author = accounts.create(Role.AUTHOR);
        Account editor = accounts.create(Role.EDITOR);
        draft(author);
        HttpResponse<byte[]> zip = Http.sendBytes(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/export"))
                .header("Authorization", TestAccounts.basic(editor)).build());
        assertEquals(200, zip.statusCode());
        Path folder = Files.createTempDirectory("verity-export");
        int pages = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = folder.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(folder));
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
                pages += e.getName().startsWith("pages/") ? 1 : 0;
            }
        }
        assertTrue(pages > 5, "the seed pages and this test's draft are exported");
        ImportReport report = importer.importFolder(folder);
        assertEquals(List.of(), report.problems());
        assertEquals(0, report.created());
        assertEquals(0, report.updated());
        assertEquals(pages, report.unchanged());
    }

    @Test
    void theOpenApiDocumentDescribesEveryApiOperationAndItsSecurity() {
        HttpResponse<String> doc = Http.get("/openapi?format=JSON", "application/json");
        assertEquals(200, doc.statusCode(), doc.body());
        JsonObject paths = object(doc).getJsonObject("paths");
        assertTrue(paths.keySet().stream().allMatch(p -> p.startsWith("/api/")), paths.keySet().toString());
        JsonObject list = paths.getJsonObject("/api/v1/editorial/pages").getJsonObject("get");
        assertEquals(List.of("AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"), list.getJsonArray("x-roles").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        assertEquals(2, list.getJsonArray("security").size());
        assertTrue(list.getJsonObject("responses").containsKey("403"));
        assertEquals("public", paths.getJsonObject("/api/v1/topics").getJsonObject("get").getString("x-access"));
        assertTrue(paths.containsKey("/api/v1/accounts"));
        assertTrue(paths.containsKey("/api/v1/audit"));
        assertTrue(paths.containsKey("/api/v1/editorial/pages/{slug}/transitions"));
        List<String> undescribed = new ArrayList<>();
        for (String path : paths.keySet()) {
            for (Map.Entry<String, JsonValue> op : paths.getJsonObject(path).entrySet()) {
                if (op.getValue().getValueType() != JsonValue.ValueType.OBJECT
                        || !op.getValue().asJsonObject().containsKey("responses")) {
                    continue;
                }
                JsonObject operation = op.getValue().asJsonObject();
                boolean open = "public".equals(operation.getString("x-access", ""));
                boolean guarded = "roles".equals(operation.getString("x-access", "")) && operation.containsKey("security")
                        && operation.containsKey("x-roles");
                if (open == guarded) {
                    undescribed.add(op.getKey() + " " + path);
                }
            }
        }
        assertEquals(List.of(), undescribed, "every operation says whether it needs credentials");
    }

    @Test
    void savesSchedulesReturnsArchivesExportsAndPasswordChangesAreAuditedToo() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        Account admin = accounts.create(Role.ADMIN);
        String slug = draft(author);
        HttpResponse<String> saved = put("/api/v1/editorial/pages/" + slug, pageJson(slug, "exercise", "Renamed", BODY, 0L,
                "Clearer title"), author);
        assertEquals(200, saved.statusCode(), saved.body());
        step(slug, "submit", author, 200);
        step(slug, "return", reviewer, 200);
        HttpResponse<String> scheduled = put("/api/v1/editorial/pages/" + slug + "/schedule",
                "{\"expireAt\":\"2099-01-01T00:00:00Z\"}", editor);
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        step(slug, "archive", editor, 200);
        List<JsonObject> entries = array(get("/api/v1/audit?subject=" + slug, admin)).stream().map(JsonValue::asJsonObject)
                .toList();
        assertEquals(List.of("page.archive", "page.schedule", "page.return", "page.submit", "page.save", "page.create"),
                entries.stream().map(e -> e.getString("action")).toList());
        JsonObject save = entries.get(4);
        assertEquals(author.username(), save.getString("actor"));
        assertTrue(save.getString("before").contains("Knee rolls"), save.toString());
        assertTrue(save.getString("after").contains("Renamed"), save.toString());
        assertFalse(save.getString("after").contains("physio-team"), "only what changed is kept");

        assertEquals(200, Http.sendBytes(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/export"))
                .header("Authorization", TestAccounts.basic(editor)).build()).statusCode());
        assertEquals("content.export", array(get("/api/v1/audit?actor=" + editor.username() + "&action=content.export", admin))
                .get(0).asJsonObject().getString("action"));
        assertEquals(204, put("/api/v1/accounts/" + author.username() + "/password", "{\"password\":\"another long phrase 7\"}",
                admin).statusCode());
        JsonObject password = array(get("/api/v1/audit?subject=" + author.username(), admin)).get(0).asJsonObject();
        assertEquals("account.password", password.getString("action"));
        assertFalse(password.toString().contains("another long phrase"), "a password never reaches the log");
    }

    private static HttpResponse<String> me(String username, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/me"))
                .header("Authorization", "Basic " + basic).build());
    }
}
