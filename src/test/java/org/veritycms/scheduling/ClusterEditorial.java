package org.veritycms.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import org.veritycms.account.PasswordHasher;

/**
 * Editors for the cluster test: accounts written straight into the shared database, pages written
 * through one node's editorial API, as people working on that node would.
 */
final class ClusterEditorial {

    static final String BODY = "Lie on your back with your knees bent.\n\n## When to stop\n\nStop if pain gets worse.\n\n"
            + "## When to get help\n\nSee a GP if pain lasts more than 6 weeks.\n";

    private static final String PASSWORD = "cluster-editorial-password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Connection db;
    private final String run;
    private final String hash = new PasswordHasher().hash(PASSWORD);
    private int accounts;

    ClusterEditorial(Connection db, String run) {
        this.db = db;
        this.run = run;
    }

    /** A page an author wrote, a reviewer approved and an editor published, all on the node at {@code port}. */
    void publish(int port, String slug) throws SQLException {
        String author = account("AUTHOR");
        HttpResponse<String> created = call(port, "POST", "/api/v1/editorial/pages", page(slug, BODY, null, false).build(), author);
        assertEquals(201, created.statusCode(), created.body());
        step(port, slug, Json.createObjectBuilder().add("step", "submit"), author);
        step(port, slug, Json.createObjectBuilder().add("step", "approve").add("revision", 1), account("CLINICAL_REVIEWER"));
        step(port, slug, Json.createObjectBuilder().add("step", "publish").add("revision", 1), account("EDITOR"));
    }

    /** A non-clinical correction of the live page, saved by one editor and published by another. */
    void correct(int port, String slug, String body) throws SQLException {
        String corrector = account("EDITOR");
        HttpResponse<String> detail = call(port, "GET", "/api/v1/editorial/pages/" + slug, null, corrector);
        long version = object(detail).getJsonNumber("version").longValue();
        HttpResponse<String> saved = call(port, "PUT", "/api/v1/editorial/pages/" + slug,
                page(slug, body, version, true).build(), corrector);
        assertEquals(200, saved.statusCode(), saved.body());
        step(port, slug, Json.createObjectBuilder().add("step", "publish-correction").add("revision", 2), account("EDITOR"));
    }

    void withdraw(int port, String slug) throws SQLException {
        step(port, slug, Json.createObjectBuilder().add("step", "withdraw").add("reason", "SAFETY")
                .add("note", "Withdrawn by the cluster test"), account("EDITOR"));
    }

    private void step(int port, String slug, JsonObjectBuilder step, String as) {
        HttpResponse<String> r = call(port, "POST", "/api/v1/editorial/pages/" + slug + "/transitions", step.build(), as);
        assertEquals(200, r.statusCode(), r.body());
    }

    private static JsonObjectBuilder page(String slug, String body, Long version, boolean nonClinical) {
        JsonObjectBuilder page = Json.createObjectBuilder().add("slug", slug).add("topic", "exercise")
                .add("title", "Cluster page " + slug).add("summary", "How to start gently, and when to stop.")
                .add("body", body).add("tier", "STANDARD").add("owner", "physio-team").add("comments", "POSTMODERATED")
                .add("evidence", Json.createArrayBuilder()).add("media", Json.createArrayBuilder())
                .add("changeNote", nonClinical ? "Wording" : "First draft");
        if (version != null) {
            page.add("version", version);
        }
        return nonClinical ? page.add("nonClinical", true) : page;
    }

    private String account(String role) throws SQLException {
        String username = "cluster-" + role.toLowerCase().replace('_', '-') + "-" + run + "-" + (++accounts);
        long id;
        try (PreparedStatement insert = db.prepareStatement("insert into account (id, username, display_name, password_hash,"
                + " enabled, failed_sign_ins, created_at, version) values (nextval('account_seq'), ?, ?, ?, true, 0, now(), 0)"
                + " returning id")) {
            insert.setString(1, username);
            insert.setString(2, "Cluster " + role);
            insert.setString(3, hash);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement grant = db.prepareStatement("insert into account_role (account_id, role) values (?, ?)")) {
            grant.setLong(1, id);
            grant.setString(2, role);
            grant.executeUpdate();
        }
        return username;
    }

    private static HttpResponse<String> call(int port, String method, String path, JsonObject json, String as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((as + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
        b = json == null ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.toString()));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " on port " + port, e);
        }
    }

    private static JsonObject object(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
