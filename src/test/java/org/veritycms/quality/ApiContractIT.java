package org.veritycms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestAddresses;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestPages;

/**
 * The OpenAPI document is the contract, and the server keeps it. From {@code /openapi} alone this
 * test builds, for every operation, a valid request (path parameters from pages, accounts and
 * comments it makes; the body generated from the request schema, with only what the document cannot
 * know, such as a version or an existing id, filled in) and the invalid ones: a required field
 * missing, a value out of range, a value of the wrong type, a path that names nothing, no
 * credentials, credentials without the role, an unacceptable Accept header, a body in the wrong
 * media type, too large, or not JSON. It sends each with an account holding the roles in the
 * operation's {@code x-roles} (and without credentials) and holds every answer to the document: its
 * status must be one the operation lists, its media type one listed for that status, and its body
 * valid against the schema given there (JSON Schema 2020-12, formats asserted, and no property the
 * schema does not name). Every operation must also have answered with success at least once.
 */
@ExtendWith(ArquillianExtension.class)
class ApiContractIT {

    private static final String DOCUMENT = "https://verity.test/openapi.json";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String SCHEMA_PREFIX = "contract.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.verity(TestFixtures.class, TestAccounts.class, TestPages.class);
    }

    /** One operation of the document. */
    record Op(String method, String template, String id, JsonObject json) {

        boolean open() {
            return "public".equals(json.getString("x-access", ""));
        }

        List<String> roles() {
            return json.containsKey("x-roles") ? json.getJsonArray("x-roles").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList() : List.of();
        }

        JsonObject responses() {
            return json.getJsonObject("responses");
        }

        boolean lists(int status) {
            return responses().containsKey(String.valueOf(status));
        }

        List<JsonObject> parameters(String in) {
            return json.containsKey("parameters") ? json.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                    .filter(p -> in.equals(p.getString("in"))).toList() : List.of();
        }

        boolean safe() {
            return method.equals("GET") || method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** A request as the test sends it. */
    record Call(Map<String, String> path, Map<String, String> query, String contentType, String body) {

        Call withPath(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(path);
            p.put(name, value);
            return new Call(p, query, contentType, body);
        }

        Call withQuery(String name, String value) {
            Map<String, String> q = new LinkedHashMap<>(query);
            if (value == null) {
                q.remove(name);
            } else {
                q.put(name, value);
            }
            return new Call(path, q, contentType, body);
        }

        Call withBody(String type, String text) {
            return new Call(path, query, type, text);
        }
    }

    static JsonObject document;
    static JsonObject schemas;
    /** Where each request and answer schema was put in the validator's copy of the document: op, status, media type. */
    static final Map<String, String> SCHEMA_OF = new HashMap<>();
    static SchemaRegistry registry;
    static List<Op> operations;

    static RemoteFixtures.PageRef live;
    static RemoteFixtures.PageRef withdrawn;
    static String draftToSubmit;
    static String draftToSave;
    static RemoteFixtures.Login roleless;
    static RemoteFixtures.Login target;
    static RemoteFixtures.Login moderator;
    static final List<Long> HELD = new ArrayList<>();
    static final Map<String, RemoteFixtures.Login> BY_ROLES = new ConcurrentHashMap<>();
    static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();
    /** Operations that answered with a success, its body checked. */
    static final Set<String> SUCCEEDED = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void fixtures() {
        HttpResponse<String> served = Http.get("/openapi?format=JSON", "application/json");
        assertEquals(200, served.statusCode(), served.body());
        document = read(served.body()).asJsonObject();
        schemas = document.getJsonObject("components").getJsonObject("schemas");
        operations = operations(document);
        registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT, forValidation(document).toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

        live = RemoteFixtures.richPage();
        withdrawn = RemoteFixtures.page(true);
        roleless = RemoteFixtures.account("");
        target = RemoteFixtures.account("");
        moderator = as(List.of("MODERATOR"));
        RemoteFixtures.Login writer = as(List.of("AUTHOR", "EDITOR"));
        draftToSubmit = draft(writer);
        draftToSave = draft(writer);
        HELD.addAll(heldComments(12));
    }

    private static List<Op> operations(JsonObject doc) {
        List<Op> found = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : doc.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                if (op.getValue().getValueType() == JsonValue.ValueType.OBJECT
                        && op.getValue().asJsonObject().containsKey("responses")) {
                    JsonObject json = op.getValue().asJsonObject();
                    found.add(new Op(op.getKey().toUpperCase(), path.getKey(), json.getString("operationId"), json));
                }
            }
        }
        assertTrue(found.size() > 40, "the document lists the API: " + found.size());
        return found;
    }

    // ---------------------------------------------------------------------------------------------
    // the tests

    @Test
    void everyAnswerOfEveryOperationIsOneTheDocumentListsInTheShapeItDescribes() {
        List<String> wrong = new ArrayList<>();
        for (Op op : operations) {
            RemoteFixtures.Login who = op.open() ? null : as(op.roles());
            Call valid = validCall(op);
            check(wrong, op, "valid", send(op, valid, who), null);

            if (!op.open()) {
                check(wrong, op, "no credentials", send(op, valid, null), 401);
                check(wrong, op, "no role", send(op, valid, roleless), 403);
            }
            if (!op.safe()) {
                check(wrong, op, "a browser session from another site", send(op, valid, null, "Cookie",
                        session(who == null ? moderator : who)), 403);
            }
            for (JsonObject p : op.parameters("path")) {
                String name = p.getString("name");
                check(wrong, op, "no such " + name, send(op, valid.withPath(name, nothingAt(name)), who), 404);
                if (name.equals("slug")) {
                    check(wrong, op, "a withdrawn page", send(op, valid.withPath(name, withdrawn.slug()), who), null);
                }
            }
            for (JsonObject p : op.parameters("query")) {
                String name = p.getString("name");
                JsonObject schema = resolve(p.getJsonObject("schema"));
                if (p.getBoolean("required", false)) {
                    check(wrong, op, "no " + name, send(op, valid.withQuery(name, null), who), 400);
                }
                if (!type(schema).equals("string")) {
                    check(wrong, op, name + " not a " + type(schema), send(op, valid.withQuery(name, "abc"), who), 400);
                }
                if (schema.containsKey("enum")) {
                    for (JsonValue value : schema.getJsonArray("enum")) {
                        check(wrong, op, name + "=" + text(value), send(op, valid.withQuery(name, text(value)), who), null);
                    }
                    check(wrong, op, name + " not in its list", send(op, valid.withQuery(name, "not-in-the-list"), who), 400);
                }
            }
            if (op.lists(406)) {
                check(wrong, op, "Accept: text/html", send(op, valid, who, "Accept", "text/html"), 406);
            }
            if (op.json.containsKey("requestBody")) {
                bodies(wrong, op, valid, who);
            }
        }
        List<String> neverSucceeded = operations.stream().filter(op -> !SUCCEEDED.contains(op.toString()))
                .map(Op::toString).toList();
        assertEquals(List.of(), wrong, wrong.size() + " answers break the document");
        assertEquals(List.of(), neverSucceeded, "every operation answered with success at least once");
    }

    /** The invalid bodies, each refused with 400; bodies the document allows but the server may not expect, answered as listed. */
    private static void bodies(List<String> wrong, Op op, Call valid, RemoteFixtures.Login who) {
        String schemaRef = SCHEMA_OF.get(key(op, "request", "application/json"));
        JsonObject body = read(valid.body()).asJsonObject();
        JsonObject schema = requestSchema(op);
        List<String> sampleErrors = validate(schemaRef, valid.body());
        if (!sampleErrors.isEmpty()) {
            wrong.add(op + ": the generated valid body " + valid.body() + " breaks the document: " + sampleErrors);
        }
        Map<String, String> invalid = new LinkedHashMap<>();
        Shape shape = shape(schema);
        for (String field : shape.required()) {
            invalid.put("without " + field, Json.createObjectBuilder(body).remove(field).build().toString());
        }
        for (Map.Entry<String, JsonObject> property : shape.properties().entrySet()) {
            String field = property.getKey();
            JsonObject s = resolve(property.getValue());
            outOfRange(s).forEach((what, value) -> invalid.put(field + " " + what,
                    Json.createObjectBuilder(body).add(field, value).build().toString()));
            invalid.put(field + " of the wrong type", Json.createObjectBuilder(body).add(field, wrongType(s)).build().toString());
        }
        for (Map.Entry<String, String> variant : invalid.entrySet()) {
            if (validate(schemaRef, variant.getValue()).isEmpty()) {
                wrong.add(op + " " + variant.getKey() + ": the test's invalid body is valid by the document: " + variant.getValue());
                continue;
            }
            check(wrong, op, variant.getKey(), send(op, valid.withBody("application/json", variant.getValue()), who), 400);
        }
        // strings the document sets no limit to: whatever the server makes of a long one, it answers as listed
        for (Map.Entry<String, JsonObject> property : shape.properties().entrySet()) {
            JsonObject s = resolve(property.getValue());
            if (type(s).equals("string") && !s.containsKey("maxLength") && !s.containsKey("enum") && !s.containsKey("format")
                    && !s.containsKey("pattern")) {
                String longer = Json.createObjectBuilder(body).add(property.getKey(), "Long text. ".repeat(10_000)).build()
                        .toString();
                check(wrong, op, property.getKey() + " of 110000 characters",
                        send(op, valid.withBody("application/json", longer), who), null);
            }
        }
        check(wrong, op, "a body that is not JSON", send(op, valid.withBody("application/json", "{\"a\": "), who), 400);
        check(wrong, op, "no body", send(op, valid.withBody("application/json", ""), who), 400);
        if (op.lists(415)) {
            check(wrong, op, "a text/plain body", send(op, valid.withBody("text/plain", "hello"), who), 415);
        }
        check(wrong, op, "a 2 MiB body", send(op, valid.withBody("application/json",
                "{\"x\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), who), 413);
    }

    @Test
    void aSecondRatingFromTheSameReaderReplacesTheFirstAndTooManyAreLimitedAllAsListed() {
        Op op = operation("POST", "/api/v1/pages/{slug}/ratings");
        List<String> wrong = new ArrayList<>();
        Call call = new Call(Map.of("slug", live.slug()), Map.of(), "application/json", "{\"stars\":4}");
        HttpResponse<String> first = send(op, call, null);
        check(wrong, op, "a first rating", first, 201);
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("verity_reader="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        check(wrong, op, "the same reader again", send(op, call.withBody("application/json", "{\"stars\":2}"), null,
                "Cookie", cookie), 200);
        HttpResponse<String> limited = null;
        for (int i = 0; i < 40 && (limited == null || limited.statusCode() != 429); i++) {
            limited = send(op, call, null, "Cookie", cookie);
        }
        check(wrong, op, "the same reader past the rate limit", limited, 429);
        assertTrue(limited.headers().firstValue("Retry-After").isPresent(), "a 429 says when to try again");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyAddressAnswersAMethodItDoesNotListWith405NamingTheOnesItDoes() {
        List<String> wrong = new ArrayList<>();
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        operations.forEach(op -> methods.computeIfAbsent(op.template(), t -> new TreeSet<>()).add(op.method()));
        for (Map.Entry<String, Set<String>> path : methods.entrySet()) {
            String unlisted = List.of("DELETE", "PATCH", "PUT", "POST").stream().filter(m -> !path.getValue().contains(m))
                    .findFirst().orElseThrow();
            String address = path.getKey().replace("{slug}", live.slug()).replace("{username}", target.username())
                    .replace("{id}", "1").replace("{number}", "1");
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + address))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .method(unlisted, HttpRequest.BodyPublishers.ofString("{}")).build());
            Set<String> allowed = r.headers().firstValue("Allow").stream().flatMap(a -> List.of(a.split(",")).stream())
                    .map(String::strip).filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS"))
                    .collect(Collectors.toCollection(TreeSet::new));
            List<String> problems = validate("#/components/schemas/Problem", r.body());
            if (r.statusCode() != 405 || !allowed.equals(path.getValue()) || !problems.isEmpty()
                    || !mediaType(r).equals("application/problem+json")) {
                wrong.add(unlisted + " " + path.getKey() + ": " + r.statusCode() + " Allow " + allowed + " (the document lists "
                        + path.getValue() + ") " + problems);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theDocumentStatesTheRulesTheServerKeeps() {
        JsonObject rating = schemas.getJsonObject("RatingRequest");
        assertEquals(List.of("stars"), strings(rating.getJsonArray("required")));
        JsonObject stars = rating.getJsonObject("properties").getJsonObject("stars");
        assertEquals("integer", type(stars));
        assertEquals(1, stars.getInt("minimum"));
        assertEquals(5, stars.getInt("maximum"));
        assertEquals(1000, rating.getJsonObject("properties").getJsonObject("feedback").getInt("maxLength"));
        JsonObject rejection = schemas.getJsonObject("DecisionRequest");
        assertEquals(List.of("reason"), strings(rejection.getJsonArray("required")));
        assertTrue(strings(rejection.getJsonObject("properties").getJsonObject("reason").getJsonArray("enum"))
                .contains("misinformation"));
        assertTrue(strings(schemas.getJsonObject("StepRequest").getJsonObject("properties").getJsonObject("step")
                .getJsonArray("enum")).containsAll(List.of("submit", "approve", "publish-correction", "withdraw")));
        assertEquals("^(?:[a-z0-9]+(-[a-z0-9]+)*)$", schemas.getJsonObject("PageInput").getJsonObject("properties")
                .getJsonObject("slug").getString("pattern"), "a Bean Validation pattern matches the whole value");
        assertEquals(Set.of("200", "406"), operation("GET", "/api/v1/topics").responses().keySet(),
                "no answer an operation cannot give");
        assertEquals(Set.of("201", "400", "401", "403", "406", "409", "413", "415", "429"),
                operation("POST", "/api/v1/accounts").responses().keySet());
        assertEquals(Set.of("204", "400", "401", "403", "404", "413", "415", "429"),
                operation("PUT", "/api/v1/accounts/{username}/password").responses().keySet());
        assertEquals(Set.of("202", "401", "403", "406", "429"), operation("POST", "/api/v1/search/rebuild").responses().keySet());
        List<String> undescribed = new ArrayList<>();
        for (Op op : operations) {
            for (Map.Entry<String, JsonValue> answer : op.responses().entrySet()) {
                JsonObject response = answer.getValue().asJsonObject();
                JsonObject content = response.getJsonObject("content");
                boolean error = answer.getKey().startsWith("4") || answer.getKey().startsWith("5");
                if (response.getString("description", "").isBlank()
                        || error && (content == null || !content.containsKey("application/problem+json"))
                        || content != null && content.values().stream().anyMatch(m -> m.asJsonObject().getJsonObject("schema") == null
                        || m.asJsonObject().getJsonObject("schema").isEmpty())) {
                    undescribed.add(op + " " + answer.getKey());
                }
            }
        }
        assertEquals(List.of(), undescribed, "every answer has words, every body a schema, every error the Problem");
    }

    // ---------------------------------------------------------------------------------------------
    // checking an answer

    /** Holds an answer to the document; when {@code expected} is given, the status must also be that one. */
    private static void check(List<String> wrong, Op op, String label, HttpResponse<String> r, Integer expected) {
        String status = String.valueOf(r.statusCode());
        String where = op + " (" + label + "): " + status + " ";
        String snippet = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
        if (expected != null && r.statusCode() != expected) {
            wrong.add(where + "where " + expected + " was expected: " + snippet);
        }
        if (!op.responses().containsKey(status)) {
            wrong.add(where + "is not among the answers the document lists " + op.responses().keySet() + ": " + snippet);
            return;
        }
        JsonObject documented = op.responses().getJsonObject(status);
        JsonObject content = documented.getJsonObject("content");
        if (content == null || content.isEmpty()) {
            if (!r.body().isEmpty()) {
                wrong.add(where + "has a body the document does not describe: " + snippet);
            }
        } else {
            String type = mediaType(r);
            if (!content.containsKey(type)) {
                wrong.add(where + "is " + type + ", not " + content.keySet());
            } else if (type.endsWith("json")) {
                List<String> errors = validate(SCHEMA_OF.get(key(op, status, type)), r.body());
                if (!errors.isEmpty()) {
                    wrong.add(where + "does not match its schema: " + errors + " in " + snippet);
                }
            } else if (r.body().isEmpty()) {
                wrong.add(where + "has no body");
            }
        }
        if (documented.containsKey("headers")) {
            for (Map.Entry<String, JsonValue> header : documented.getJsonObject("headers").entrySet()) {
                if (header.getValue().asJsonObject().getBoolean("required", false)
                        && r.headers().firstValue(header.getKey()).isEmpty()) {
                    wrong.add(where + "has no " + header.getKey() + " header");
                }
            }
        }
        if (r.statusCode() < 400 && expected == null) {
            SUCCEEDED.add(op.toString());
        }
    }

    private static String mediaType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip().toLowerCase()).orElse("");
    }

    private static List<String> validate(String schemaRef, String json) {
        if (schemaRef == null) {
            return List.of("no schema");
        }
        try {
            return registry.getSchema(SchemaLocation.of(DOCUMENT + schemaRef)).validate(json, InputFormat.JSON).stream()
                    .map(Object::toString).toList();
        } catch (RuntimeException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /**
     * The validator's copy of the document: every request and answer schema also put under the
     * components (so that plain pointers reach it), and every object schema closed to properties it
     * does not name, so that an answer with a field the document leaves out fails too.
     */
    private static JsonObject forValidation(JsonObject doc) {
        JsonObjectBuilder extra = Json.createObjectBuilder();
        int n = 0;
        for (Op op : operations) {
            if (op.json.containsKey("requestBody")) {
                for (Map.Entry<String, JsonValue> media : op.json.getJsonObject("requestBody").getJsonObject("content").entrySet()) {
                    String name = SCHEMA_PREFIX + n++;
                    extra.add(name, media.getValue().asJsonObject().getJsonObject("schema"));
                    SCHEMA_OF.put(key(op, "request", media.getKey()), "#/components/schemas/" + name);
                }
            }
            for (Map.Entry<String, JsonValue> answer : op.responses().entrySet()) {
                JsonObject content = answer.getValue().asJsonObject().getJsonObject("content");
                if (content == null) {
                    continue;
                }
                for (Map.Entry<String, JsonValue> media : content.entrySet()) {
                    JsonObject schema = media.getValue().asJsonObject().getJsonObject("schema");
                    if (schema != null) {
                        String name = SCHEMA_PREFIX + n++;
                        extra.add(name, schema);
                        SCHEMA_OF.put(key(op, answer.getKey(), media.getKey()), "#/components/schemas/" + name);
                    }
                }
            }
        }
        JsonObjectBuilder all = Json.createObjectBuilder(doc.getJsonObject("components").getJsonObject("schemas"));
        extra.build().forEach(all::add);
        JsonObject components = Json.createObjectBuilder(doc.getJsonObject("components")).add("schemas", all).build();
        return closed(Json.createObjectBuilder(doc).add("components", components).build()).asJsonObject();
    }

    private static JsonValue closed(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            value.asJsonArray().forEach(v -> b.add(closed(v)));
            return b.build();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return value;
        }
        JsonObject o = value.asJsonObject();
        JsonObjectBuilder b = Json.createObjectBuilder();
        o.forEach((k, v) -> b.add(k, closed(v)));
        if (o.containsKey("properties") && o.get("properties").getValueType() == JsonValue.ValueType.OBJECT
                && !o.containsKey("additionalProperties") && !o.containsKey("unevaluatedProperties")) {
            b.add("unevaluatedProperties", JsonValue.FALSE);
        }
        return b.build();
    }

    private static String key(Op op, String status, String mediaType) {
        return op + "|" + status + "|" + mediaType;
    }

    // ---------------------------------------------------------------------------------------------
    // making requests from the document

    private static HttpResponse<String> send(Op op, Call call, RemoteFixtures.Login who, String... headers) {
        String path = op.template();
        for (Map.Entry<String, String> p : call.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        String query = call.query().entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Http.base() + path + (query.isEmpty() ? "" : "?" + query)));
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        b.header("Accept", extra.getOrDefault("Accept", accepted(op)));
        extra.remove("Accept");
        // each request from an address of its own, as readers' requests are, so that the limit per
        // address on requests without a reader cookie is not what answers
        extra.putIfAbsent(TestAddresses.HEADER, TestAddresses.next());
        extra.forEach(b::header);
        if (who != null) {
            b.header("Authorization", who.basic());
        }
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
            b.method(op.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            b.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        return Http.send(b.build());
    }

    /** Every media type the operation answers in. */
    private static String accepted(Op op) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonValue answer : op.responses().values()) {
            JsonObject content = answer.asJsonObject().getJsonObject("content");
            if (content != null) {
                types.addAll(content.keySet());
            }
        }
        return types.isEmpty() ? "*/*" : String.join(", ", types);
    }

    /** The valid request: path values that name something, required query parameters, a body from the schema. */
    private static Call validCall(Op op) {
        Map<String, String> path = new LinkedHashMap<>();
        for (JsonObject p : op.parameters("path")) {
            path.put(p.getString("name"), existing(op, p.getString("name")));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonObject p : op.parameters("query")) {
            if (p.getBoolean("required", false)) {
                query.put(p.getString("name"), text(sample(p.getJsonObject("schema"), p.getString("name"))));
            }
        }
        query.putAll(knownQuery(op));
        if (!op.json.containsKey("requestBody")) {
            return new Call(path, query, null, null);
        }
        JsonObjectBuilder body = Json.createObjectBuilder(sample(requestSchema(op), "body").asJsonObject());
        knownBody(op, path).forEach(body::add);
        return new Call(path, query, "application/json", body.build().toString());
    }

    private static JsonObject requestSchema(Op op) {
        return op.json.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema");
    }

    /** A path value that names something the operation can act on. */
    private static String existing(Op op, String name) {
        return switch (name) {
            case "slug" -> switch (op.id()) {
                case "EditorialApi_transition" -> draftToSubmit;
                case "EditorialApi_save", "EditorialApi_revision", "EditorialApi_diff" -> draftToSave;
                default -> live.slug();
            };
            case "username" -> target.username();
            case "number" -> "1";
            case "id" -> String.valueOf(comment(op));
            default -> throw new AssertionError("the test knows no value for path parameter " + name + " of " + op);
        };
    }

    private static String nothingAt(String name) {
        return switch (name) {
            case "slug" -> "no-such-page-" + RUN;
            case "username" -> "nobody-" + RUN;
            case "number" -> "999999";
            case "id" -> "999999999";
            default -> throw new AssertionError("no value naming nothing for " + name);
        };
    }

    /** A held comment for a moderation operation, put in the status the decision needs. */
    private static long comment(Op op) {
        assertTrue(!HELD.isEmpty(), "the fixtures made enough held comments");
        long id = HELD.remove(0);
        if (op.id().equals("ModerationApi_restore")) {
            HttpResponse<String> spam = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/moderation/comments/"
                    + id + "/spam")).header("Authorization", moderator.basic()).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, spam.statusCode(), spam.body());
        }
        return id;
    }

    private static Map<String, String> knownQuery(Op op) {
        return switch (op.id()) {
            case "EditorialApi_diff" -> Map.of("from", "1", "to", "1");
            case "SubscriptionApi_oneClick", "SubscriptionApi_openedInBrowser" -> Map.of("token", "not-a-real-token");
            default -> Map.of();
        };
    }

    /** What the document cannot know: an unused slug or username, the version or revision now, an existing comment. */
    private static Map<String, JsonValue> knownBody(Op op, Map<String, String> path) {
        Map<String, JsonValue> known = new LinkedHashMap<>();
        switch (op.id()) {
            case "EditorialApi_create" -> {
                known.put("slug", Json.createValue("contract-" + RUN + "-" + SEQUENCE.incrementAndGet()));
                known.put("topic", Json.createValue(live.topic()));
            }
            case "EditorialApi_save" -> known.put("version", detail(path.get("slug")).get("version"));
            case "EditorialApi_transition" -> known.put("step", Json.createValue("submit"));
            case "ReviewResource_record" -> known.put("revision", detail(path.get("slug")).get("liveRevision"));
            case "AccountsApi_create" -> known.put("username", Json.createValue("contract-" + RUN + "-" + SEQUENCE.incrementAndGet()));
            case "ModerationApi_bulk" -> known.put("ids", Json.createArrayBuilder().add(comment(op)).build());
            default -> {
                // the schema says it all
            }
        }
        return known;
    }

    private static JsonObject detail(String slug) {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/pages/" + slug))
                .header("Authorization", as(List.of("EDITOR")).basic()).header("Accept", "application/json").build());
        assertEquals(200, r.statusCode(), r.body());
        return read(r.body()).asJsonObject();
    }

    // ---------------------------------------------------------------------------------------------
    // values from schemas

    /** The properties and required fields of an object schema, its allOf members merged. */
    record Shape(Map<String, JsonObject> properties, Set<String> required) {
    }

    private static Shape shape(JsonObject schema) {
        JsonObject s = resolve(schema);
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        if (s.containsKey("allOf")) {
            for (JsonValue member : s.getJsonArray("allOf")) {
                Shape inner = shape(member.asJsonObject());
                properties.putAll(inner.properties());
                required.addAll(inner.required());
            }
        }
        if (s.containsKey("properties")) {
            s.getJsonObject("properties").forEach((k, v) -> properties.put(k, v.asJsonObject()));
        }
        if (s.containsKey("required")) {
            required.addAll(strings(s.getJsonArray("required")));
        }
        return new Shape(properties, required);
    }

    private static JsonObject resolve(JsonObject schema) {
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            assertTrue(ref.startsWith("#/components/schemas/"), ref);
            return resolve(schemas.getJsonObject(ref.substring("#/components/schemas/".length())));
        }
        return schema;
    }

    private static String type(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type == null) {
            return schema.containsKey("properties") || schema.containsKey("allOf") ? "object" : "";
        }
        if (type.getValueType() == JsonValue.ValueType.STRING) {
            return ((JsonString) type).getString();
        }
        return strings(type.asJsonArray()).stream().filter(t -> !t.equals("null")).findFirst().orElse("");
    }

    /** A value the schema allows: required properties only, the first of a list, the least of a range. */
    private static JsonValue sample(JsonObject schema, String name) {
        JsonObject s = resolve(schema);
        if (s.containsKey("const")) {
            return s.get("const");
        }
        if (s.containsKey("enum")) {
            return s.getJsonArray("enum").get(0);
        }
        switch (type(s)) {
            case "object" -> {
                JsonObjectBuilder b = Json.createObjectBuilder();
                Shape shape = shape(s);
                for (String field : shape.required()) {
                    b.add(field, sample(shape.properties().get(field), field));
                }
                return b.build();
            }
            case "array" -> {
                JsonArrayBuilder b = Json.createArrayBuilder();
                for (int i = 0; i < s.getInt("minItems", 0); i++) {
                    b.add(sample(s.getJsonObject("items"), name));
                }
                return b.build();
            }
            case "integer", "number" -> {
                long value = s.containsKey("minimum") ? s.getJsonNumber("minimum").longValue() : 1;
                return Json.createValue(s.containsKey("maximum") ? Math.min(value, s.getJsonNumber("maximum").longValue()) : value);
            }
            case "boolean" -> {
                return JsonValue.FALSE;
            }
            case "string" -> {
                return Json.createValue(sampleString(s, name));
            }
            default -> throw new AssertionError("the test cannot make a value for " + name + ": " + s);
        }
    }

    private static String sampleString(JsonObject s, String name) {
        switch (s.getString("format", "")) {
            case "date" -> {
                return LocalDate.now().plusDays(30).toString();
            }
            case "date-time" -> {
                return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            }
            case "email" -> {
                return "contract-" + RUN + "@example.org";
            }
            default -> {
                // from the candidates below
            }
        }
        int n = SEQUENCE.incrementAndGet();
        for (String candidate : List.of("contract-" + RUN + "-" + n, "Contract text " + RUN + " number " + n,
                "https://example.org/contract/" + n, "/media/contract-" + n + ".png")) {
            boolean fits = candidate.length() >= s.getInt("minLength", 0) && candidate.length() <= s.getInt("maxLength", 1_000_000)
                    && (!s.containsKey("pattern") || Pattern.compile(s.getString("pattern")).matcher(candidate).find());
            if (fits) {
                return candidate;
            }
        }
        throw new AssertionError("the test has no string for " + name + " that fits " + s);
    }

    /** Values just outside what the schema allows. */
    private static Map<String, JsonValue> outOfRange(JsonObject s) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        if (s.containsKey("minimum")) {
            values.put("below its minimum", Json.createValue(s.getJsonNumber("minimum").longValue() - 1));
        }
        if (s.containsKey("maximum")) {
            values.put("above its maximum", Json.createValue(s.getJsonNumber("maximum").longValue() + 1));
        }
        if (s.getInt("minLength", 0) > 0) {
            values.put("shorter than its minimum", Json.createValue("ab1cd2efg3hi4jk".substring(0, s.getInt("minLength") - 1)));
        }
        if (s.containsKey("maxLength")) {
            values.put("longer than its maximum", Json.createValue("x".repeat(s.getInt("maxLength") + 1)));
        }
        if (s.containsKey("enum") && type(s).equals("string")) {
            values.put("not in its list", Json.createValue("not-in-the-list"));
        }
        if (type(s).equals("array") && s.getInt("minItems", 0) > 0) {
            values.put("with too few items", JsonValue.EMPTY_JSON_ARRAY);
        }
        if (type(s).equals("array") && s.containsKey("maxItems")) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            JsonValue item = sample(s.getJsonObject("items"), "item");
            for (int i = 0; i <= s.getInt("maxItems"); i++) {
                items.add(item);
            }
            values.put("with too many items", items.build());
        }
        return values;
    }

    /** A value of another JSON type than the schema's, of a kind no reader could take for it. */
    private static JsonValue wrongType(JsonObject s) {
        return switch (type(s)) {
            case "object", "array" -> Json.createValue("not-" + type(s));
            default -> JsonValue.EMPTY_JSON_OBJECT;
        };
    }

    // ---------------------------------------------------------------------------------------------
    // fixtures

    /** An account holding exactly these roles, one per set of roles. */
    private static RemoteFixtures.Login as(List<String> roles) {
        String key = roles.stream().sorted().collect(Collectors.joining(","));
        return BY_ROLES.computeIfAbsent(key, RemoteFixtures::account);
    }

    /** A signed-in browser's session cookie for the account (one sign-in each: sign-ins are rate-limited). */
    private static String session(RemoteFixtures.Login login) {
        return SESSIONS.computeIfAbsent(login.username(), Sessions::signIn);
    }

    /** A draft written through the API, ready to submit for review. */
    private static String draft(RemoteFixtures.Login author) {
        String slug = "contract-draft-" + RUN + "-" + SEQUENCE.incrementAndGet();
        String page = Json.createObjectBuilder().add("slug", slug).add("topic", "exercise").add("title", "Contract draft " + slug)
                .add("summary", "A page the contract test works on.").add("tier", "STANDARD").add("comments", "CLOSED")
                .add("body", "Some advice.\n\n## When to get help\n\nCall 111.\n").build().toString();
        HttpResponse<String> created = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/editorial/pages"))
                .header("Authorization", author.basic()).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(page)).build());
        assertEquals(201, created.statusCode(), created.body());
        return slug;
    }

    /**
     * Comments held for a moderator, sent through the rich page's own form by separate readers (all in
     * capitals, which the shouting screen holds), after the pause a person takes to write.
     */
    private static List<Long> heldComments(int count) {
        record Form(String address, Map<String, String> fields, String action) {
        }
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> page = Http.get(live.url() + "/comment");
            assertEquals(200, page.statusCode());
            Element form = Jsoup.parse(page.body()).select("form").stream()
                    .filter(f -> f.attr("action").endsWith("/comments")).findFirst().orElseThrow();
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : form.select("input[name], textarea[name]")) {
                fields.putIfAbsent(input.attr("name"), input.is("textarea") ? input.text() : input.val());
            }
            fields.put("name", "Contract reader " + i);
            fields.put("body", "PLEASE SAY MORE ABOUT THESE STRETCHES, THEY HELPED MY BACK A LOT " + RUN + " " + i);
            fields.remove("email");
            forms.add(new Form(TestAddresses.next(), fields, form.attr("action")));
        }
        RemoteFixtures.advanceClock(Duration.ofSeconds(4)); // past the seconds a person needs to write
        for (Form form : forms) {
            String encoded = form.fields().entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> sent = Http.post(form.action(), "application/x-www-form-urlencoded", encoded,
                    TestAddresses.HEADER, form.address());
            assertEquals(303, sent.statusCode(), sent.body());
        }
        HttpResponse<String> queue = Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/api/v1/moderation/comments"
                + "?status=pending&limit=200&page=" + live.slug())).header("Authorization", moderator.basic())
                .header("Accept", "application/json").build());
        assertEquals(200, queue.statusCode(), queue.body());
        List<Long> held = read(queue.body()).asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonNumber("id").longValue()).toList();
        assertEquals(count, held.size(), "every comment was held: " + queue.body());
        return new ArrayList<>(held);
    }

    // ---------------------------------------------------------------------------------------------

    private static Op operation(String method, String template) {
        return operations.stream().filter(op -> op.method().equals(method) && op.template().equals(template)).findFirst()
                .orElseThrow(() -> new AssertionError("the document lists no " + method + " " + template));
    }

    private static JsonValue read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value instanceof JsonNumber n ? n.toString() : value.toString();
    }
}
