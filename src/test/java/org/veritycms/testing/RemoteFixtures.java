package org.veritycms.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The client side of {@link TestFixtures}: accounts, pages and the server's clock for tests that
 * run outside the server.
 */
public final class RemoteFixtures {

    /** An account made for a test. */
    public record Login(String username, String password) {
        public String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A page made for a test. */
    public record PageRef(String topic, String slug) {
        public String url() {
            return "/" + topic + "/" + slug;
        }
    }

    private RemoteFixtures() {
    }

    public static Login account(String roles) {
        JsonObject o = post("/test-fixtures/accounts?roles=" + roles);
        return new Login(o.getString("username"), o.getString("password"));
    }

    /** A new text-only page open to comments, published (or published, then withdrawn by an editor). */
    public static PageRef page(boolean withdrawn) {
        JsonObject o = post("/test-fixtures/pages?withdrawn=" + withdrawn);
        return new PageRef(o.getString("topic"), o.getString("slug"));
    }

    /**
     * A new published page open to comments with everything a guidance page can show: a video and
     * an image due for review before the page, sources and related pages, all dated from the
     * server's today. It is about back pain, so a search for "back" finds it.
     */
    public static PageRef richPage() {
        JsonObject o = post("/test-fixtures/pages?rich=true");
        return new PageRef(o.getString("topic"), o.getString("slug"));
    }

    /**
     * Moves the server's clock forward, e.g. past the few seconds a person needs to write a
     * comment, instead of waiting for them to pass.
     */
    public static void advanceClock(Duration by) {
        post("/test-fixtures/clock/advance?seconds=" + by.toSeconds());
    }

    private static JsonObject post(String path) {
        HttpResponse<String> r = Http.post(path, "application/json", "", "Accept", "application/json");
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }
}
