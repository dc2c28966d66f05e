package org.veritycms.editorial;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.veritycms.account.Account;
import org.veritycms.testing.Http;
import org.veritycms.testing.TestAccounts;

/** Calls the management API as an account (HTTP Basic) or signed out, and reads JSON answers. */
final class EditorialApiClient {

    private EditorialApiClient() {
    }

    static HttpResponse<String> call(String method, String path, String json, Account as) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Http.base() + path)).header("Accept", "application/json, application/zip;q=0.9");
        if (as != null) {
            b.header("Authorization", TestAccounts.basic(as));
        }
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return Http.send(b.build());
    }

    static HttpResponse<String> get(String path, Account as) {
        return call("GET", path, null, as);
    }

    static HttpResponse<String> post(String path, String json, Account as) {
        return call("POST", path, json, as);
    }

    static HttpResponse<String> put(String path, String json, Account as) {
        return call("PUT", path, json, as);
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) parse(response.body());
    }

    private static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    /** A page as the API takes it, with the body given. */
    static String pageJson(String slug, String topic, String title, String body, Long version, String note) {
        return pageJson(slug, topic, title, body, version, note, false);
    }

    /** A page as the API takes it, with the body given, its change declared non-clinical or not. */
    static String pageJson(String slug, String topic, String title, String body, Long version, String note,
            boolean nonClinical) {
        JsonObject page = Json.createObjectBuilder()
                .add("slug", slug).add("topic", topic).add("title", title)
                .add("summary", "How to start gently, and when to stop.")
                .add("body", body).add("tier", "STANDARD").add("owner", "physio-team").add("comments", "POSTMODERATED")
                .add("evidence", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "Guideline on low back pain").add("url", "https://example.org/guideline")
                        .add("publisher", "A guideline body").add("accessed", "2026-10-01")))
                .add("media", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kind", "IMAGE").add("title", "Starting position").add("src", "/media/start.svg")
                        .add("alt", "A person lying on their back with knees bent")))
                .add("changeNote", note == null ? "" : note)
                .build();
        if (version != null) {
            page = Json.createObjectBuilder(page).add("version", version).build();
        }
        if (nonClinical) {
            page = Json.createObjectBuilder(page).add("nonClinical", true).build();
        }
        return page.toString();
    }

    static final String BODY = "Lie on your back with your knees bent.\n\n## When to stop\n\nStop if pain gets worse.\n\n"
            + "## When to get help\n\nSee a GP if pain lasts more than 6 weeks. Call 999 if you lose control of your bladder.\n";
}
