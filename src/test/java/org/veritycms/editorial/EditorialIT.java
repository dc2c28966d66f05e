package org.veritycms.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.veritycms.shared.VerityClock;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.TestAccounts;

/**
 * The management API: roles on every endpoint; the workflow, in which approval is a clinical
 * sign-off of the exact revision approved and publishing takes its dates; stale revisions; four
 * eyes over every revision since the last review; changes to live pages that wait for approval;
 * non-clinical corrections published by a second editor; withdrawals no review lifts; 409s on
 * concurrent saves; the audit log and the export with its checkable revision hashes.
 */
@ExtendWith(ArquillianExtension.class)
class EditorialIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String WHEN_TO_STOP = "Stop if pain gets worse.";
    private static final String CORRECTED = "Stop if the pain gets worse.";

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, EditorialApiClient.class);
    }

    @Inject
    TestAccounts accounts;

    @Inject
    ContentImporter importer;

    @Inject
    VerityClock clock;

    static String newSlug() {
        return "ed-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    static String title(String slug) {
        return "Knee rolls " + slug;
    }

    /** A new draft written by this author (revision 1); returns its slug. */
    private String draft(Account author) {
        String slug = newSlug();
        HttpResponse<String> created = post("/api/v1/editorial/pages", pageJson(slug, "exercise", title(slug), BODY,
                null, "First draft"), author);
        assertEquals(201, created.statusCode(), created.body());
        return slug;
    }

    /** A page the author wrote, the reviewer approved at revision 1 and the editor published. */
    private String livePage(Account author, Account reviewer, Account editor) {
        String slug = draft(author);
        step(slug, "submit", author, 200);
        step(slug, "approve", 1, reviewer, 200);
        JsonObject live = step(slug, "publish", 1, editor, 200);
        assertEquals("PUBLISHED", live.getString("status"));
        assertEquals(1, live.getInt("liveRevision"));
        return slug;
    }

    /** Saves new content over the working revision, sending the version just read. */
    private static HttpResponse<String> save(String slug, String title, String body, String note, boolean nonClinical,
            Account as) {
        long version = detail(slug, as).getJsonNumber("version").longValue();
        return put("/api/v1/editorial/pages/" + slug, pageJson(slug, "exercise", title, body, version, note, nonClinical), as);
    }

    private static JsonObject step(String slug, String step, Account as, int expected) {
        return transition(slug, Json.createObjectBuilder().add("step", step), as, expected);
    }

    private static JsonObject step(String slug, String step, int revision, Account as, int expected) {
        return transition(slug, Json.createObjectBuilder().add("step", step).add("revision", revision), as, expected);
    }

    private static JsonObject transition(String slug, JsonObjectBuilder request, Account as, int expected) {
        String json = request.build().toString();
        HttpResponse<String> r = post("/api/v1/editorial/pages/" + slug + "/transitions", json, as);
        assertEquals(expected, r.statusCode(), json + " by " + as.roles() + ": " + r.body());
        return object(r);
    }

    private static JsonObject detail(String slug, Account as) {
        HttpResponse<String> r = get("/api/v1/editorial/pages/" + slug, as);
        assertEquals(200, r.statusCode(), r.body());
        return object(r);
    }

    private static List<JsonObject> audit(String slug, Account as) {
        HttpResponse<String> r = get("/api/v1/audit?subject=" + slug, as);
        assertEquals(200, r.statusCode(), r.body());
        return array(r).stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> actions(String slug, Account as) {
        return audit(slug, as).stream().map(e -> e.getString("action")).toList();
    }

    private static List<JsonObject> reviews(String slug, Account as) {
        HttpResponse<String> r = get("/api/v1/pages/" + slug + "/reviews", as);
        assertEquals(200, r.statusCode(), r.body());
        return array(r).stream().map(JsonValue::asJsonObject).toList();
    }

    private static String problemType(JsonObject problem) {
        return problem.getString("type").replaceAll(".*:", "");
    }

    private static Set<String> fieldErrors(HttpResponse<String> r) {
        return object(r).getJsonArray("errors").stream().map(v -> v.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
    }

    /** JSON-B leaves out null fields: absent and null both mean "none". */
    private static boolean none(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static HttpResponse<String> sitePage(String slug) {
        return Http.get("/exercise/" + slug);
    }

    private static HttpResponse<String> publicJson(String slug) {
        return Http.get("/api/v1/pages/" + slug, "application/json");
    }

    /** What readers get, on the site and from the public API, is this title and this text, and not the other. */
    private static void readersSee(String slug, String title, String text, String notTitle, String notText) {
        HttpResponse<String> html = sitePage(slug);
        assertEquals(200, html.statusCode(), html.body());
        assertTrue(html.body().contains(title), "the site shows " + title);
        assertTrue(html.body().contains(text), "the site shows " + text);
        assertFalse(html.body().contains(notTitle), "the site does not show " + notTitle);
        assertFalse(html.body().contains(notText), "the site does not show " + notText);
        HttpResponse<String> json = publicJson(slug);
        assertEquals(200, json.statusCode(), json.body());
        JsonObject page = object(json);
        assertEquals(title, page.getString("title"));
        assertTrue(page.getString("bodyMarkdown").contains(text), page.getString("bodyMarkdown"));
        assertFalse(page.getString("bodyMarkdown").contains(notText), page.getString("bodyMarkdown"));
    }

    private static String reviewedByLine(Account reviewer, String profession) {
        return "Reviewed by:</dt> <dd>" + reviewer.displayName() + (profession == null ? "</dd>" : ", " + profession + "</dd>");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEditorialEndpointRefusesSignedOutCallersAndWrongRoles() {
        Map<Role, Account> byRole = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            byRole.put(role, accounts.create(role));
        }
        Account author = byRole.get(Role.AUTHOR);
        // the author holding the role writes the draft, so their save is allowed by the rules after the role check too
        String slug = draft(author);
        String page = "/api/v1/editorial/pages/" + slug;
        String body = pageJson(slug, "exercise", "T", BODY, detail(slug, author).getJsonNumber("version").longValue(), null);
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
                new Endpoint("GET", "/api/v1/pages/" + slug + "/reviews", null, readers),
                new Endpoint("GET", "/api/v1/reviews/dashboard", null, Set.of(Role.EDITOR, Role.CLINICAL_REVIEWER, Role.ADMIN)));
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
    void aPageGoesFromDraftThroughApprovalToLiveWithTheTrueReviewDatesAndEachStepIsAudited() {
        Account admin = accounts.create(Role.ADMIN);
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String registration = "PH" + RUN + SEQUENCE.incrementAndGet();
        HttpResponse<String> described = put("/api/v1/accounts/" + reviewer.username(),
                "{\"profession\":\"Physiotherapist\",\"registrationNumber\":\"" + registration + "\"}", admin);
        assertEquals(200, described.statusCode(), described.body());

        String slug = draft(author);
        assertEquals(404, sitePage(slug).statusCode(), "a draft is not on the site");
        JsonObject drafted = detail(slug, author);
        assertEquals(1, drafted.getInt("revision"));
        assertTrue(none(drafted, "lastReviewed") && none(drafted, "reviewedBy"), "a draft has no review: " + drafted);

        JsonObject submitted = step(slug, "submit", author, 200);
        assertEquals("IN_REVIEW", submitted.getString("status"));

        LocalDate today = clock.today();
        LocalDate nextDue = today.plusMonths(18);
        JsonObject approved = transition(slug, Json.createObjectBuilder().add("step", "approve").add("revision", 1)
                .add("nextDue", nextDue.toString()).add("note", "Checked against the guideline"), reviewer, 200);
        assertEquals("APPROVED", approved.getString("status"));
        JsonObject revision1 = object(get("/api/v1/editorial/pages/" + slug + "/revisions/1", editor));
        String revisionHash = revision1.getString("contentSha256");
        assertEquals(sha256(revision1.getString("document").getBytes(StandardCharsets.UTF_8)), revisionHash,
                "a revision's hash is the SHA-256 of its canonical document");
        JsonObject approval = approved.getJsonObject("approval");
        assertEquals(1, approval.getInt("revision"));
        assertEquals(reviewer.displayName(), approval.getString("reviewer"));
        assertEquals("Physiotherapist", approval.getString("profession"));
        assertEquals(today.toString(), approval.getString("reviewedOn"));
        assertEquals(nextDue.toString(), approval.getString("nextReviewDue"));
        assertEquals(revisionHash, approval.getString("contentSha256"));
        assertEquals(404, sitePage(slug).statusCode(), "an approved page is not live until it is published");

        List<JsonObject> records = reviews(slug, editor);
        assertEquals(1, records.size(), "the approval is a review record: " + records);
        JsonObject record = records.get(0);
        assertEquals("FULL", record.getString("kind"));
        assertTrue(none(record, "mediaItemId"), record.toString());
        assertEquals(1, record.getInt("revision"));
        assertEquals(revisionHash, record.getString("contentSha256"));
        assertEquals(reviewer.displayName(), record.getString("reviewer"));
        assertEquals("Physiotherapist", record.getString("profession"));
        assertEquals(registration, record.getString("registrationNumber"));
        assertEquals(today.toString(), record.getString("reviewedOn"));
        assertEquals(nextDue.toString(), record.getString("nextReviewDue"));
        assertEquals("Checked against the guideline", record.getString("scopeNotes"));
        assertFalse(record.getBoolean("imported"));

        JsonObject live = step(slug, "publish", 1, editor, 200);
        assertEquals("PUBLISHED", live.getString("status"));
        assertEquals(1, live.getInt("liveRevision"));
        assertEquals(1, live.getInt("reviewedRevision"));
        assertFalse(live.getBoolean("changedSinceReview"));
        assertTrue(none(live, "approval"), "the approval went live with the page");
        assertEquals(today.toString(), live.getString("lastReviewed"), "the page goes live with its approval's date");
        assertEquals(nextDue.toString(), live.getString("nextReviewDue"));
        assertEquals(reviewer.displayName(), live.getString("reviewedBy"));
        assertEquals("CURRENT", live.getString("reviewState"));
        JsonObject image = live.getJsonArray("media").getJsonObject(0);
        assertEquals(today.toString(), image.getString("lastReviewed"), "the approval covered the new image too");
        assertEquals(nextDue.toString(), image.getString("nextReviewDue"));

        HttpResponse<String> page = sitePage(slug);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(title(slug)));
        assertTrue(page.body().contains("Page last reviewed:</dt> <dd><time datetime=\"" + today + "\">"), page.body());
        assertTrue(page.body().contains(reviewedByLine(reviewer, "Physiotherapist")), page.body());
        JsonObject api = object(publicJson(slug));
        assertEquals(today.toString(), api.getString("lastReviewed"));
        assertEquals(nextDue.toString(), api.getString("nextReviewDue"));

        List<JsonObject> entries = audit(slug, editor);
        assertEquals(List.of("page.publish", "page.approve", "page.submit", "page.create"),
                entries.stream().map(e -> e.getString("action")).toList());
        JsonObject approvalEntry = entries.get(1);
        assertEquals(reviewer.username(), approvalEntry.getString("actor"));
        assertTrue(approvalEntry.getString("before").contains("IN_REVIEW"), approvalEntry.toString());
        assertTrue(approvalEntry.getString("after").contains("APPROVED"), approvalEntry.toString());
        assertTrue(approvalEntry.getString("after").contains(revisionHash), "the audit names the content signed");
        JsonObject publishEntry = entries.get(0);
        assertEquals(editor.username(), publishEntry.getString("actor"));
        assertTrue(publishEntry.getString("after").contains("PUBLISHED"), publishEntry.toString());

        HttpResponse<String> noNote = post("/api/v1/editorial/pages/" + slug + "/transitions",
                "{\"step\":\"withdraw\",\"reason\":\"SAFETY\"}", editor);
        assertEquals(400, noNote.statusCode(), noNote.body());
        assertEquals(Set.of("note"), fieldErrors(noNote));
        assertEquals("PUBLISHED", detail(slug, editor).getString("status"), "a refused withdrawal changes nothing");
        JsonObject withdrawn = transition(slug, Json.createObjectBuilder().add("step", "withdraw").add("reason", "SAFETY")
                .add("note", "The stretch may strain a new knee replacement"), editor, 200);
        assertEquals("WITHDRAWN", withdrawn.getString("status"));
        assertEquals("SAFETY", withdrawn.getString("withdrawalReason"));
        assertEquals(410, sitePage(slug).statusCode());
        assertEquals(410, publicJson(slug).statusCode());
        JsonObject reopened = step(slug, "reopen", editor, 200);
        assertEquals("DRAFT", reopened.getString("status"));
        assertEquals(404, sitePage(slug).statusCode(), "a reopened page is a draft again");
        JsonObject withdrawal = audit(slug, editor).get(1);
        assertEquals("page.withdraw", withdrawal.getString("action"));
        assertTrue(withdrawal.getString("after").contains("SAFETY"), withdrawal.toString());
        assertEquals("page.reopen", actions(slug, editor).get(0));
    }

    @Test
    void anApprovalOrPublicationNamingAStaleRevisionAnswers409AndRecordsNothing() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = draft(author);
        step(slug, "submit", author, 200);
        // while the reviewer reads revision 1, an editor saves revision 2 and submits it again
        HttpResponse<String> saved = save(slug, title(slug), BODY + "\nBreathe out as you roll.\n", "Breathing cue", false,
                editor);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(2, object(saved).getInt("revision"));
        assertEquals("DRAFT", object(saved).getString("status"), "what is in review is no longer what it says");
        step(slug, "submit", editor, 200);

        JsonObject stale = step(slug, "approve", 1, reviewer, 409);
        assertEquals("stale-revision", problemType(stale), stale.toString());
        JsonObject unchanged = detail(slug, editor);
        assertEquals("IN_REVIEW", unchanged.getString("status"));
        assertEquals(2, unchanged.getInt("revision"));
        assertTrue(none(unchanged, "approval"), unchanged.toString());
        assertEquals(List.of(), reviews(slug, editor), "no review was recorded");
        assertFalse(actions(slug, editor).contains("page.approve"));

        HttpResponse<String> unnamed = post("/api/v1/editorial/pages/" + slug + "/transitions", "{\"step\":\"approve\"}",
                reviewer);
        assertEquals(400, unnamed.statusCode(), unnamed.body());
        assertEquals(Set.of("revision"), fieldErrors(unnamed));
        assertEquals(List.of(), reviews(slug, editor));

        JsonObject approved = step(slug, "approve", 2, reviewer, 200);
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals(2, approved.getJsonObject("approval").getInt("revision"));

        JsonObject stalePublish = step(slug, "publish", 1, editor, 409);
        assertEquals("stale-revision", problemType(stalePublish), stalePublish.toString());
        assertEquals("APPROVED", detail(slug, editor).getString("status"));
        assertEquals(404, sitePage(slug).statusCode(), "nothing went live");
        assertFalse(actions(slug, editor).contains("page.publish"));

        JsonObject live = step(slug, "publish", 2, editor, 200);
        assertEquals(2, live.getInt("liveRevision"));
        List<JsonObject> records = reviews(slug, editor);
        assertEquals(List.of(2), records.stream().map(r -> r.getInt("revision")).toList());
        assertTrue(sitePage(slug).body().contains("Breathe out as you roll."));
    }

    @Test
    void fourEyesCoverEveryRevisionSinceTheLastReview() {
        Account writerReviewer = accounts.create(Role.AUTHOR, Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        Account otherReviewer = accounts.create(Role.CLINICAL_REVIEWER);
        String slug = draft(writerReviewer);
        // another person fixes a comma: the writer of revision 1 still wrote part of what would be signed
        assertEquals(200, save(slug, title(slug), BODY.replace("back with", "back, with"), "Comma", false, editor)
                .statusCode());
        step(slug, "submit", editor, 200);
        JsonObject refused = step(slug, "approve", 2, writerReviewer, 403);
        assertEquals("four-eyes", problemType(refused), refused.toString());
        assertEquals("IN_REVIEW", detail(slug, editor).getString("status"));
        assertEquals(List.of(), reviews(slug, editor), "a refused approval records nothing");
        step(slug, "approve", 2, otherReviewer, 200);
        step(slug, "publish", 2, editor, 200);

        // a change to the live page: the same writer starts it, the editor finishes it
        assertEquals(200, save(slug, title(slug), BODY + "\nKeep your shoulders on the floor.\n", "Shoulders", false,
                writerReviewer).statusCode());
        JsonObject change = object(save(slug, title(slug), BODY + "\nKeep both shoulders on the floor.\n", "Wording", false,
                editor));
        assertEquals(4, change.getInt("revision"));
        assertEquals(List.of(4, 3), change.getJsonArray("pendingChange").stream()
                .map(v -> v.asJsonObject().getInt("number")).toList());
        step(slug, "submit", editor, 200);
        JsonObject refusedAgain = step(slug, "approve", 4, writerReviewer, 403);
        assertEquals("four-eyes", problemType(refusedAgain), refusedAgain.toString());
        assertEquals("IN_REVIEW", detail(slug, editor).getString("change"));
        assertEquals(1, reviews(slug, editor).size());
        step(slug, "approve", 4, otherReviewer, 200);
        assertEquals(4, step(slug, "publish", 4, editor, 200).getInt("reviewedRevision"));

        // what the last review covered is not theirs any more: a change only the editor wrote is theirs to approve
        assertEquals(200, save(slug, title(slug), BODY + "\nKeep both shoulders flat on the floor.\n", "Flat", false,
                editor).statusCode());
        step(slug, "submit", editor, 200);
        JsonObject approved = step(slug, "approve", 5, writerReviewer, 200);
        assertEquals("APPROVED", approved.getString("change"));
        assertEquals(List.of(5, 4, 2), reviews(slug, editor).stream().map(r -> r.getInt("revision")).toList());
    }

    @Test
    void anAuthorsChangeToALivePageWaitsUntilItIsApprovedAndPublished() {
        Account author = accounts.create(Role.AUTHOR);
        Account secondAuthor = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = livePage(author, reviewer, editor);
        String oldTitle = title(slug);
        String newTitle = "Knee rolls, updated " + slug;
        String newBody = BODY.replace("more than 6 weeks", "more than 4 weeks");
        readersSee(slug, oldTitle, "more than 6 weeks", newTitle, "more than 4 weeks");

        HttpResponse<String> saved = save(slug, newTitle, newBody, "See a GP sooner", false, secondAuthor);
        assertEquals(200, saved.statusCode(), "any author may propose a change to a live page: " + saved.body());
        JsonObject change = object(saved);
        assertEquals("PUBLISHED", change.getString("status"));
        assertEquals("DRAFT", change.getString("change"));
        assertEquals(2, change.getInt("revision"));
        assertEquals(1, change.getInt("liveRevision"));
        assertEquals(newTitle, change.getString("title"), "the editor works on the change");
        assertEquals(oldTitle, change.getString("liveTitle"));
        JsonObject pending = change.getJsonArray("pendingChange").getJsonObject(0);
        assertEquals(2, pending.getInt("number"));
        assertEquals(secondAuthor.username(), pending.getString("author"));
        assertFalse(pending.getBoolean("nonClinical"));
        readersSee(slug, oldTitle, "more than 6 weeks", newTitle, "more than 4 weeks");
        assertEquals("page.change", actions(slug, editor).get(0));

        HttpResponse<String> takeover = save(slug, oldTitle + " again", newBody, "Mine now", false, author);
        assertEquals(403, takeover.statusCode(), "another author's change is theirs: " + takeover.body());
        assertEquals(2, detail(slug, editor).getInt("revision"));

        assertEquals("IN_REVIEW", step(slug, "submit", secondAuthor, 200).getString("change"));
        readersSee(slug, oldTitle, "more than 6 weeks", newTitle, "more than 4 weeks");
        JsonObject approved = step(slug, "approve", 2, reviewer, 200);
        assertEquals("APPROVED", approved.getString("change"));
        assertEquals(1, approved.getInt("liveRevision"));
        readersSee(slug, oldTitle, "more than 6 weeks", newTitle, "more than 4 weeks");

        JsonObject published = step(slug, "publish", 2, editor, 200);
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals("NONE", published.getString("change"));
        assertEquals(2, published.getInt("liveRevision"));
        assertEquals(2, published.getInt("reviewedRevision"));
        assertEquals(List.of(), published.getJsonArray("pendingChange").stream().toList());
        readersSee(slug, newTitle, "more than 4 weeks", oldTitle, "more than 6 weeks");
        assertEquals(List.of(2, 1), reviews(slug, editor).stream().map(r -> r.getInt("revision")).toList());
        assertEquals(List.of("page.publish", "page.approve", "page.submit", "page.change"),
                actions(slug, editor).subList(0, 4));
    }

    @Test
    void aNonClinicalCorrectionIsPublishedByASecondEditorAndReviewedByStaysWithTheReviewedRevision() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        Account corrector = accounts.create(Role.EDITOR);
        Account secondEditor = accounts.create(Role.EDITOR);
        String slug = livePage(author, reviewer, editor);
        JsonObject before = detail(slug, editor);
        String corrected = BODY.replace(WHEN_TO_STOP, CORRECTED);

        HttpResponse<String> byAuthor = save(slug, title(slug), corrected, "Grammar", true, author);
        assertEquals(403, byAuthor.statusCode(), "only an editor declares a change non-clinical: " + byAuthor.body());
        HttpResponse<String> noNote = save(slug, title(slug), corrected, "", true, corrector);
        assertEquals(400, noNote.statusCode(), noNote.body());
        assertEquals(Set.of("changeNote"), fieldErrors(noNote));
        assertEquals("NONE", detail(slug, editor).getString("change"), "refused saves change nothing");

        HttpResponse<String> saved = save(slug, title(slug), corrected, "Grammar: the pain", true, corrector);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject change = object(saved);
        assertEquals("DRAFT", change.getString("change"));
        assertTrue(change.getJsonArray("pendingChange").getJsonObject(0).getBoolean("nonClinical"));

        JsonObject own = step(slug, "publish-correction", 2, corrector, 403);
        assertEquals("four-eyes", problemType(own), "the editor who wrote it may not publish it: " + own);
        JsonObject asAuthor = step(slug, "publish-correction", 2, author, 403);
        assertEquals("forbidden", problemType(asAuthor), asAuthor.toString());
        step(slug, "publish-correction", 2, reviewer, 403);
        JsonObject stale = step(slug, "publish-correction", 1, secondEditor, 409);
        assertEquals("stale-revision", problemType(stale), stale.toString());
        assertEquals("DRAFT", detail(slug, editor).getString("change"));
        readersSee(slug, title(slug), WHEN_TO_STOP, "Knee rolls, updated", CORRECTED);
        assertFalse(actions(slug, editor).contains("page.publish-correction"));

        JsonObject published = step(slug, "publish-correction", 2, secondEditor, 200);
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals("NONE", published.getString("change"));
        assertEquals(2, published.getInt("liveRevision"));
        assertEquals(1, published.getInt("reviewedRevision"), "the review stays with the revision reviewed");
        assertTrue(published.getBoolean("changedSinceReview"));
        assertEquals(reviewer.displayName(), published.getString("reviewedBy"));
        assertEquals(before.getString("lastReviewed"), published.getString("lastReviewed"));
        assertEquals(before.getString("nextReviewDue"), published.getString("nextReviewDue"));
        readersSee(slug, title(slug), CORRECTED, "Knee rolls, updated", WHEN_TO_STOP);
        assertTrue(sitePage(slug).body().contains(reviewedByLine(reviewer, null)));

        Map<Integer, Boolean> nonClinical = new LinkedHashMap<>();
        array(get("/api/v1/editorial/pages/" + slug + "/revisions", editor)).stream().map(JsonValue::asJsonObject)
                .forEach(r -> nonClinical.put(r.getInt("number"), r.getBoolean("nonClinical")));
        assertEquals(Map.of(2, true, 1, false), nonClinical);
        assertEquals(List.of(1), reviews(slug, editor).stream().map(r -> r.getInt("revision")).toList(),
                "a correction is not a review");
        JsonObject entry = audit(slug, editor).get(0);
        assertEquals("page.publish-correction", entry.getString("action"));
        assertEquals(secondEditor.username(), entry.getString("actor"));
        assertTrue(entry.getString("after").contains("\"nonClinical\":true"), entry.toString());

        HttpResponse<String> history = Http.get("/api/v1/pages/" + slug + "/review-history", "application/json");
        assertEquals(200, history.statusCode(), history.body());
        JsonObject provenance = object(history);
        assertEquals(2, provenance.getInt("liveRevision"));
        assertEquals(1, provenance.getInt("reviewedRevision"));
        assertEquals(List.of(2), provenance.getJsonArray("corrections").stream()
                .map(v -> v.asJsonObject().getInt("revision")).toList());
    }

    @Test
    void aClinicalChangeCannotBePublishedAsACorrection() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        Account secondEditor = accounts.create(Role.EDITOR);
        String slug = livePage(author, reviewer, editor);
        String changed = BODY.replace(WHEN_TO_STOP, "Stop if pain gets worse or you feel dizzy.");
        assertEquals(200, save(slug, title(slug), changed, "Dizziness", false, editor).statusCode());
        JsonObject refused = step(slug, "publish-correction", 2, secondEditor, 409);
        assertEquals("clinical-change", problemType(refused), refused.toString());
        assertEquals("DRAFT", detail(slug, editor).getString("change"));
        readersSee(slug, title(slug), WHEN_TO_STOP, "Knee rolls, updated", "you feel dizzy");
    }

    @Test
    void aSafetyWithdrawalIsNotLiftedByAFullReview() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account periodicReviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = livePage(author, reviewer, editor);

        HttpResponse<String> notLive = post("/api/v1/pages/" + slug + "/reviews", "{\"kind\":\"FULL\",\"revision\":2}",
                periodicReviewer);
        assertEquals(409, notLive.statusCode(), "a periodic review names the live revision: " + notLive.body());
        assertEquals("stale-revision", problemType(object(notLive)));
        assertEquals(1, reviews(slug, editor).size(), "nothing was recorded");

        HttpResponse<String> overdue = post("/api/v1/editorial/pages/" + slug + "/transitions",
                "{\"step\":\"withdraw\",\"reason\":\"REVIEW_OVERDUE\",\"note\":\"Late\"}", editor);
        assertEquals(400, overdue.statusCode(), "only the review scan withdraws for an overdue review: " + overdue.body());
        assertEquals(Set.of("reason"), fieldErrors(overdue));

        transition(slug, Json.createObjectBuilder().add("step", "withdraw").add("reason", "SAFETY")
                .add("note", "A reader was hurt following step 3"), editor, 200);
        assertEquals(410, sitePage(slug).statusCode());

        HttpResponse<String> full = post("/api/v1/pages/" + slug + "/reviews",
                "{\"kind\":\"FULL\",\"revision\":1,\"scopeNotes\":\"Whole page re-checked\"}", periodicReviewer);
        assertEquals(201, full.statusCode(), full.body());
        assertEquals("FULL", object(full).getString("kind"));
        JsonObject still = detail(slug, editor);
        assertEquals("WITHDRAWN", still.getString("status"), "no review lifts a safety withdrawal");
        assertEquals("SAFETY", still.getString("withdrawalReason"));
        assertEquals(410, sitePage(slug).statusCode());
        assertEquals(410, publicJson(slug).statusCode());

        // only reopening and the workflow bring it back
        assertEquals("DRAFT", step(slug, "reopen", editor, 200).getString("status"));
        assertEquals(404, sitePage(slug).statusCode());
        step(slug, "submit", author, 200);
        int working = detail(slug, editor).getInt("revision");
        step(slug, "approve", working, periodicReviewer, 200);
        JsonObject back = step(slug, "publish", working, editor, 200);
        assertEquals("PUBLISHED", back.getString("status"));
        assertTrue(none(back, "withdrawalReason"), back.toString());
        assertEquals(200, sitePage(slug).statusCode());
    }

    @Test
    void stepsOutOfOrderOrByTheWrongRoleAreRefused() {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        String slug = draft(author);
        assertEquals("workflow", problemType(step(slug, "approve", 1, reviewer, 409)));
        assertEquals("workflow", problemType(step(slug, "publish", 1, editor, 409)));
        assertEquals("workflow", problemType(step(slug, "discard", editor, 409)));
        assertEquals("workflow", problemType(transition(slug, Json.createObjectBuilder().add("step", "withdraw")
                .add("reason", "EDITORIAL").add("note", "Not live"), editor, 409)));
        assertEquals(List.of(), reviews(slug, editor), "an approval out of order records no review");
        step(slug, "submit", author, 200);
        step(slug, "approve", 1, author, 403);
        step(slug, "publish", 1, reviewer, 403);
        step(slug, "approve", 1, editor, 403);
        step(slug, "publish-correction", 1, author, 403);
        HttpResponse<String> unknown = post("/api/v1/editorial/pages/" + slug + "/transitions", "{\"step\":\"launch\"}", editor);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("\"step\""), unknown.body());
        step(slug, "return", reviewer, 200);
        JsonObject draft = detail(slug, author);
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(List.of("page.return", "page.submit", "page.create"), actions(slug, editor),
                "refused steps leave no trace");
    }

    @Test
    void aPageWithoutWhenToGetHelpCannotBeSubmitted() {
        Account author = accounts.create(Role.AUTHOR);
        String slug = newSlug();
        HttpResponse<String> created = post("/api/v1/editorial/pages", pageJson(slug, "exercise", "No help", "Just move.\n",
                null, null), author);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject refused = step(slug, "submit", author, 409);
        assertTrue(refused.getString("detail").contains("When to get help"), refused.toString());
        assertEquals("DRAFT", detail(slug, author).getString("status"));
    }

    @Test
    void invalidPagesAreRefusedFieldByField() {
        Account author = accounts.create(Role.AUTHOR);
        HttpResponse<String> r = post("/api/v1/editorial/pages", "{\"slug\":\"Not A Slug\",\"title\":\"\"}", author);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        Set<String> named = fieldErrors(r);
        assertTrue(named.containsAll(Set.of("slug", "title", "summary", "body", "tier", "comments")), named.toString());
        HttpResponse<String> malformed = post("/api/v1/editorial/pages", "{\"slug\":", author);
        assertEquals(400, malformed.statusCode());
        assertEquals("malformed-body", problemType(object(malformed)));
        String slug = newSlug();
        HttpResponse<String> nonClinicalDraft = post("/api/v1/editorial/pages", pageJson(slug, "exercise", "T", BODY, null,
                "Typo", true), accounts.create(Role.EDITOR));
        assertEquals(400, nonClinicalDraft.statusCode(), "a new page is never a non-clinical correction");
        assertEquals(Set.of("nonClinical"), fieldErrors(nonClinicalDraft));
    }

    @Test
    void twoEditorsSavingTheSameVersionAtOnceGetOneSaveAndOneConflict() throws Exception {
        Account author = accounts.create(Role.AUTHOR);
        Account first = accounts.create(Role.EDITOR);
        Account second = accounts.create(Role.EDITOR);
        String slug = draft(author);
        long version = detail(slug, first).getJsonNumber("version").longValue();
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
            assertEquals("stale-version", problemType(object(loser)));
            assertTrue(object(loser).getString("detail").contains("Nothing was overwritten"), loser.body());
            JsonObject now = detail(slug, first);
            assertEquals(winnerTitle, now.getString("title"));
            assertEquals(2, now.getInt("revision"));
            assertEquals(2, array(get("/api/v1/editorial/pages/" + slug + "/revisions", first)).size(),
                    "the refused save made no revision");
            JsonObject diff = object(get("/api/v1/editorial/pages/" + slug + "/diff?from=1&to=2", first));
            List<String> added = diff.getJsonArray("lines").stream().map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("kind").equals("ADDED")).map(l -> l.getString("text")).toList();
            assertTrue(added.contains("title: " + winnerTitle), added.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSaveWithoutItsVersionOrOfAnotherAuthorsDraftIsRefused() {
        Account author = accounts.create(Role.AUTHOR);
        Account otherAuthor = accounts.create(Role.AUTHOR);
        String slug = draft(author);
        HttpResponse<String> noVersion = put("/api/v1/editorial/pages/" + slug, pageJson(slug, "exercise", "T", BODY, null, null),
                author);
        assertEquals(400, noVersion.statusCode());
        assertTrue(noVersion.body().contains("\"version\""), noVersion.body());
        HttpResponse<String> notTheirs = save(slug, "Taken over", BODY, "Mine", false, otherAuthor);
        assertEquals(403, notTheirs.statusCode(), notTheirs.body());
        JsonObject page = detail(slug, author);
        assertEquals(1, page.getInt("revision"));
        assertEquals(title(slug), page.getString("title"));
    }

    @Test
    void aVersionIsAWholeNumberAndABodyValidUtf8OrTheSaveIsRefusedAndChangesNothing() {
        Account author = accounts.create(Role.AUTHOR);
        String slug = draft(author);
        long version = detail(slug, author).getJsonNumber("version").longValue();
        String valid = pageJson(slug, "exercise", "Changed", BODY, version, "Edit");
        for (String bad : List.of(version + ".5", "99999999999999999999", "\"" + version + "\"")) {
            HttpResponse<String> refused = put("/api/v1/editorial/pages/" + slug,
                    valid.replace("\"version\":" + version, "\"version\":" + bad), author);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            if (!bad.startsWith("\"")) {
                assertEquals("version", object(refused).getJsonArray("errors").getJsonObject(0).getString("field"), refused.body());
            }
        }
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[utf8.length + 3];
        int at = valid.indexOf("Changed");
        System.arraycopy(utf8, 0, broken, 0, at);
        broken[at] = (byte) 0xC3; // a lead byte with no continuation, then a lone continuation byte
        broken[at + 1] = (byte) 0x28;
        broken[at + 2] = (byte) 0xA9;
        System.arraycopy(utf8, at, broken, at + 3, utf8.length - at);
        HttpResponse<String> notUtf8 = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/pages/" + slug))
                .header("Authorization", TestAccounts.basic(author)).header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(broken)).build());
        assertEquals(400, notUtf8.statusCode(), notUtf8.body());
        assertTrue(notUtf8.body().contains("invalid-encoding"), notUtf8.body());
        assertEquals(title(slug), detail(slug, author).getString("title"), "nothing was saved");
        assertEquals(version, detail(slug, author).getJsonNumber("version").longValue());

        HttpResponse<String> wildcard = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/preview"))
                .header("Authorization", TestAccounts.basic(author)).header("Content-Type", "*/*")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("# Not JSON")).build());
        assertEquals(415, wildcard.statusCode(), wildcard.body());
        assertEquals("application/problem+json", wildcard.headers().firstValue("Content-Type").orElse(""));
        assertEquals(200, put("/api/v1/editorial/pages/" + slug, valid, author).statusCode(), "the whole-number version saves");
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
    void theExportImportsBackUnchangedAndItsRevisionHashesCheck() throws IOException {
        Account author = accounts.create(Role.AUTHOR);
        Account reviewer = accounts.create(Role.CLINICAL_REVIEWER);
        Account editor = accounts.create(Role.EDITOR);
        Account secondEditor = accounts.create(Role.EDITOR);
        String draftSlug = draft(author);
        String slug = livePage(author, reviewer, editor);
        // revision 1 signed, revision 2 live after a non-clinical correction, revision 3 a change in waiting
        assertEquals(200, save(slug, title(slug), BODY.replace(WHEN_TO_STOP, CORRECTED), "Grammar", true, editor)
                .statusCode());
        step(slug, "publish-correction", 2, secondEditor, 200);
        assertEquals(200, save(slug, title(slug), BODY + "\nNew advice.\n", "Pending", false, author).statusCode());

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
        assertTrue(pages > 5, "the seed pages and this test's pages are exported");
        assertTrue(Files.isRegularFile(folder.resolve("pages/exercise/" + draftSlug + ".md")));

        // sha256sum -c SHA256SUMS, in Java: every listed hash is the SHA-256 of its file
        Path revisions = folder.resolve("revisions");
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(revisions.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
            String[] parts = line.split("  ", 2);
            assertEquals(2, parts.length, "sha256sum format: " + line);
            assertTrue(parts[0].matches("[0-9a-f]{64}"), line);
            assertEquals(null, sums.put(parts[1], parts[0]), "listed once: " + line);
        }
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, String> sum : sums.entrySet()) {
            Path file = revisions.resolve(sum.getKey());
            if (!Files.isRegularFile(file) || !sha256(Files.readAllBytes(file)).equals(sum.getValue())) {
                mismatched.add(sum.getKey());
            }
        }
        assertEquals(List.of(), mismatched);
        Set<String> revisionFiles;
        try (Stream<Path> walk = Files.walk(revisions)) {
            revisionFiles = walk.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> revisions.relativize(p).toString().replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(revisionFiles, new TreeSet<>(sums.keySet()), "every exported revision is listed");

        String dir = "exercise/" + slug + "/";
        assertEquals(Set.of(dir + "1.md", dir + "2.md"), revisionFiles.stream().filter(n -> n.startsWith(dir))
                .collect(Collectors.toSet()), "the signed and the live revision, not the change in waiting");
        assertTrue(revisionFiles.stream().noneMatch(n -> n.startsWith("exercise/" + draftSlug + "/")),
                "a draft was never live nor signed");
        JsonObject signed = reviews(slug, editor).get(0);
        assertEquals(1, signed.getInt("revision"));
        assertEquals(signed.getString("contentSha256"), sums.get(dir + "1.md"), "the hash the review record gives");
        assertEquals(object(get("/api/v1/editorial/pages/" + slug + "/revisions/1", editor)).getString("document"),
                Files.readString(revisions.resolve(dir + "1.md"), StandardCharsets.UTF_8));
        JsonObject provenance = object(Http.get("/api/v1/pages/" + slug + "/review-history", "application/json"));
        assertEquals(provenance.getString("liveSha256"), sums.get(dir + "2.md"), "the live hash readers are shown");
        List<String> historyHashes = provenance.getJsonArray("reviews").stream()
                .map(v -> v.asJsonObject().getString("contentSha256")).toList();
        assertEquals(List.of(sums.get(dir + "1.md")), historyHashes);

        ImportReport report = importer.importFolder(folder);
        assertEquals(List.of(), report.problems());
        assertEquals(0, report.created());
        assertEquals(0, report.updated());
        assertEquals(pages, report.unchanged());
        JsonObject after = detail(slug, editor);
        assertEquals(3, after.getInt("revision"), "the import left the page and its waiting change alone");
        assertEquals(2, after.getInt("liveRevision"));
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
        JsonObject step = paths.getJsonObject("/api/v1/editorial/pages/{slug}/transitions").getJsonObject("post")
                .getJsonObject("responses");
        for (String status : List.of("400", "404", "409", "415")) {
            assertTrue(step.containsKey(status), "a transition can answer " + status + ": " + step.keySet());
        }
        assertTrue(step.getJsonObject("409").getJsonObject("content").containsKey("application/problem+json"));
        assertTrue(paths.getJsonObject("/api/v1/pages/{slug}").getJsonObject("get").getJsonObject("responses")
                .containsKey("410"), "a withdrawn page answers 410");
        assertTrue(object(doc).getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
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
        HttpResponse<String> saved = save(slug, "Renamed", BODY, "Clearer title", false, author);
        assertEquals(200, saved.statusCode(), saved.body());
        step(slug, "submit", author, 200);
        step(slug, "return", reviewer, 200);
        HttpResponse<String> scheduled = put("/api/v1/editorial/pages/" + slug + "/schedule",
                "{\"expireAt\":\"2099-01-01T00:00:00Z\"}", editor);
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        step(slug, "archive", editor, 200);
        List<JsonObject> entries = audit(slug, admin);
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
