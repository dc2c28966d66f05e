package org.veritycms.site;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.veritycms.editorial.Transition;
import org.veritycms.moderation.ModerationApi;
import org.veritycms.moderation.ModerationDecisions;
import org.veritycms.moderation.RejectionReason;
import org.veritycms.page.PageRepository;
import org.veritycms.page.PageStatus;
import org.veritycms.page.ReviewState;
import org.veritycms.review.ReviewResource;

/**
 * Shapes the OpenAPI document at {@code /openapi} so that it tells the truth about the JSON API (not
 * the HTML site or the admin screens), which {@code ApiContractIT} holds the server to.
 *
 * <p>SmallRye builds the operations, their parameters and the request and response schemas from the
 * resources and their records, Bean Validation constraints included. Each resource method names the
 * success answers and the problems only it knows of ({@code @APIResponse}: a 409 for a stale version,
 * a 410 for a withdrawn page, a 429 for a reader's rate limit). This filter adds what follows from
 * the method's signature and the rules every request passes, and nothing an operation cannot give:
 *
 * <ul>
 * <li>security, from the same {@link RolesAllowed} rule the server enforces: HTTP Basic or the
 * session cookie, the roles in {@code x-roles} ({@code x-access} says "public" or "roles"), and
 * 401, 403 and 429 (failed HTTP Basic sign-ins are limited per address);
 * <li>400 for an operation with a body or a query parameter of a type a value can miss; 413 and 415
 * for a body; 404 for an address with a path parameter; 406 for an operation that produces a media
 * type; 403 for a public change (a browser session from another site);
 * <li>the {@code Problem} schema as {@code application/problem+json} for every 4xx;
 * <li>request rules the code keeps: the workflow steps, rejection reasons and moderation actions as
 * enumerations, which fields go together, and Bean Validation patterns as anchored ECMA-262 regular
 * expressions (a {@code @Pattern} must match the whole value; a JSON Schema pattern need not).
 * </ul>
 */
public class ApiDocument implements OASFilter {

    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The pattern SmallRye gives {@code @NotBlank}: the value has a character that is not white space, anywhere. */
    private static final String NOT_BLANK = "\\S";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setInfo(OASFactory.createInfo().title("Verity API").version("v1").description(
                "Public reads and writes (pages, ratings, comments) and the management API for editors, clinical reviewers,"
                        + " moderators and administrators. Every answer an operation can give is listed with it. Errors are"
                        + " application/problem+json (RFC 9457); an address answers a method it does not list with 405 and"
                        + " an Allow header naming those it does."));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("An account's username and password; no session is opened."));
        components.addSecurityScheme(SESSION, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("verity_session").description("The session of a signed-in browser."));
        components.addSchema(PROBLEM, problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() != null) {
            for (String path : new ArrayList<>(openAPI.getPaths().getPathItems().keySet())) {
                if (!path.startsWith("/api/")) {
                    openAPI.getPaths().removePathItem(path);
                    continue;
                }
                PathItem item = openAPI.getPaths().getPathItem(path);
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                    Method method = method(entry.getValue().getOperationId()).orElse(null);
                    describeSecurity(entry.getValue(), method);
                    describeAnswers(path, entry.getKey(), entry.getValue(), method);
                    describeQueryRules(path, entry.getKey(), entry.getValue());
                }
            }
        }
        describeBodyRules(components);
        everySchema(openAPI, ApiDocument::anchorPattern);
    }

    private static Schema problemSchema() {
        return typed(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, as every error is answered.")
                .addProperty("type", typed(Schema.SchemaType.STRING).format("uri")
                        .description("urn:verity:problem: and a stable name clients can branch on"))
                .addProperty("title", typed(Schema.SchemaType.STRING))
                .addProperty("status", typed(Schema.SchemaType.INTEGER).format("int32").minimum(new java.math.BigDecimal(400))
                        .maximum(new java.math.BigDecimal(599)))
                .addProperty("detail", typed(Schema.SchemaType.STRING))
                .addProperty("instance", typed(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("errorId", typed(Schema.SchemaType.STRING).description("Also in the server log"))
                .addProperty("errors", typed(Schema.SchemaType.ARRAY).description("What is wrong with each field")
                        .items(typed(Schema.SchemaType.OBJECT)
                                .addProperty("field", typed(Schema.SchemaType.STRING))
                                .addProperty("message", typed(Schema.SchemaType.STRING))
                                .addRequired("field").addRequired("message")))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("detail").addRequired("instance");
    }

    private static void describeSecurity(Operation operation, Method m) {
        if (m == null) {
            return;
        }
        operation.setOperationId(m.getDeclaringClass().getSimpleName() + "_" + m.getName());
        List<String> roles = roles(m);
        if (roles == null) {
            operation.addExtension("x-access", "public");
            return;
        }
        operation.addExtension("x-access", "roles");
        SecurityRequirement basic = OASFactory.createSecurityRequirement().addScheme(BASIC);
        SecurityRequirement session = OASFactory.createSecurityRequirement().addScheme(SESSION);
        operation.setSecurity(List.of(basic, session));
        operation.addExtension("x-roles", roles);
        String rule = "Roles: " + String.join(", ", roles) + ".";
        operation.setDescription(operation.getDescription() == null ? rule : operation.getDescription() + " " + rule);
    }

    /** The answers that follow from what the operation takes and who may call it. */
    private static void describeAnswers(String path, PathItem.HttpMethod httpMethod, Operation operation, Method m) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean body = operation.getRequestBody() != null;
        boolean open = roles(m) == null;
        boolean safe = httpMethod == PathItem.HttpMethod.GET || httpMethod == PathItem.HttpMethod.HEAD;
        if (body) {
            problem(responses, "400", "The body cannot be read as this operation's JSON, or breaks a rule; errors names"
                    + " each field.");
        } else if (typedQueryParameter(operation)) {
            problem(responses, "400", "A query parameter is not of its type; errors names it.");
        }
        if (!open) {
            problem(responses, "401", "Not signed in: send HTTP Basic credentials.");
            problem(responses, "403", "The account has no role that may do this (see x-roles), or a change was sent with"
                    + " a browser session from another site.");
        } else if (!safe) {
            problem(responses, "403", "A change sent with a browser session from another site; API clients send no session.");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Nothing at this address: the " + pathParameters(path) + " names nothing here.");
        }
        if (m != null && producesSomething(m)) {
            problem(responses, "406", "The Accept header names no media type this operation answers with.");
        }
        if (body) {
            problem(responses, "413", "The body is larger than 1 MiB.");
            if (m != null && annotation(m, Consumes.class) != null) {
                problem(responses, "415", "The body is not in a media type this operation reads.");
            }
        }
        if (!open) {
            problem(responses, "429", "Too many failed HTTP Basic sign-ins from this address; Retry-After says when to try"
                    + " again.");
        }
        for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                completeProblem(answer.getKey(), answer.getValue());
            }
        }
    }

    /** Query parameters whose values the code checks against a list, named here from the same enums. */
    private static void describeQueryRules(String path, PathItem.HttpMethod httpMethod, Operation operation) {
        if (!path.equals("/api/v1/editorial/pages") || httpMethod != PathItem.HttpMethod.GET) {
            return;
        }
        // EditorialReads.list: upper or lower case, '-' for '_'; sort descending with a leading '-'
        queryEnumeration(operation, "status", names(PageStatus.values()));
        queryEnumeration(operation, "review", names(ReviewState.values()));
        List<String> columns = names(PageRepository.EditorSort.values()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        queryEnumeration(operation, "sort", Stream.concat(columns.stream(), columns.stream().map(c -> "-" + c)).toList());
    }

    /** Rules of request bodies that the code keeps and Bean Validation cannot say. */
    private static void describeBodyRules(Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas == null) {
            return;
        }
        List<Object> reasons = new ArrayList<>(Arrays.stream(RejectionReason.values()).map(RejectionReason::code).toList());
        property(schemas, "StepRequest", "step", s -> s.setEnumeration(new ArrayList<>(Arrays.stream(Transition.values())
                .map(Transition::key).toList())));
        property(schemas, ModerationApi.DecisionRequest.SCHEMA, "reason", s -> s.setEnumeration(reasons));
        property(schemas, ModerationApi.BulkRequest.SCHEMA, "reason", s -> s.setEnumeration(reasons));
        property(schemas, ModerationApi.BulkRequest.SCHEMA, "action", s -> s.setEnumeration(new ArrayList<>(
                Arrays.stream(ModerationDecisions.Decision.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList())));
        Schema bulk = schemas.get(ModerationApi.BulkRequest.SCHEMA);
        if (bulk != null) {
            // ModerationDecisions: a rejection needs a reason
            bulk.setIfSchema(OASFactory.createSchema().addRequired("action").addProperty("action",
                    OASFactory.createSchema().constValue("reject")));
            bulk.setThenSchema(OASFactory.createSchema().addRequired("reason"));
        }
        Schema review = schemas.get(ReviewResource.ReviewRequest.SCHEMA);
        if (review != null) {
            // ReviewSignOff: a media item's review names the item's revision too
            review.addDependentSchema("mediaItemId", OASFactory.createSchema().addRequired("mediaRevision"));
        }
    }

    private static void property(Map<String, Schema> schemas, String schema, String property, Consumer<Schema> change) {
        Schema owner = schemas.get(schema);
        if (owner != null && owner.getProperties() != null && owner.getProperties().get(property) != null) {
            change.accept(owner.getProperties().get(property));
        }
    }

    private static void queryEnumeration(Operation operation, String name, List<String> values) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            if (name.equals(p.getName()) && p.getIn() == Parameter.In.QUERY && p.getSchema() != null) {
                p.getSchema().setEnumeration(new ArrayList<>(values));
            }
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static boolean typedQueryParameter(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        return operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.QUERY && p.getSchema() != null)
                .map(p -> p.getSchema().getType()).anyMatch(types -> types != null
                        && types.stream().anyMatch(t -> t != Schema.SchemaType.STRING && t != Schema.SchemaType.NULL));
    }

    private static String pathParameters(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)").matcher(path);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return String.join(" or ", names);
    }

    /** Whether the method names media types it answers in (an Accept header naming none of them gets 406). */
    private static boolean producesSomething(Method m) {
        Produces produces = annotation(m, Produces.class);
        return produces != null && Arrays.stream(produces.value()).noneMatch(t -> t.strip().startsWith("*/*"));
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(Method m, Class<A> type) {
        A on = m.getAnnotation(type);
        return on != null ? on : m.getDeclaringClass().getAnnotation(type);
    }

    private static Schema typed(Schema.SchemaType type) {
        return OASFactory.createSchema().type(List.of(type));
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /** Every error answer is problem details; an answer an annotation named without words gets the usual ones. */
    private static void completeProblem(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(switch (status) {
                case "400" -> "A parameter or body that cannot be read or breaks a rule.";
                case "404" -> "Nothing at this address.";
                case "409" -> "The current state does not allow this: nothing changed.";
                case "410" -> "No longer available.";
                default -> "Problem details.";
            });
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        }
        if (status.equals("429") && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                    .schema(typed(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
        }
    }

    /**
     * Turns a Bean Validation pattern into the JSON Schema one that means the same: anchored at both ends
     * (a {@code @Pattern} matches the whole value) and in ECMA-262 syntax, which has no {@code (?i)}.
     * {@code @NotBlank}'s "a non-space character somewhere" is a search and stays as it is.
     */
    static void anchorPattern(Schema schema) {
        if (schema.getPattern() != null) {
            schema.setPattern(anchored(schema.getPattern()));
        }
    }

    static String anchored(String pattern) {
        return pattern.equals(NOT_BLANK) || pattern.startsWith("^") ? pattern : "^(?:" + ecmaScript(pattern) + ")$";
    }

    /** A Java pattern without inline flags; a leading (?i) becomes both cases of every letter outside a class. */
    static String ecmaScript(String java) {
        boolean anyCase = java.startsWith("(?i)");
        String pattern = anyCase ? java.substring(4) : java;
        if (!anyCase) {
            return pattern;
        }
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i));
            } else if (inClass) {
                inClass = c != ']';
                out.append(c);
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else if (c < 128 && Character.isLetter(c)) {
                out.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Visits every schema in the document once: components, parameters, bodies, answers, headers, and all they hold. */
    private static void everySchema(OpenAPI openAPI, Consumer<Schema> visit) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> walk = new Consumer<>() {
            @Override
            public void accept(Schema s) {
                if (s == null || !seen.add(s)) {
                    return;
                }
                visit.accept(s);
                values(s.getProperties()).forEach(this);
                Stream.of(s.getItems(), s.getAdditionalPropertiesSchema(), s.getNot(), s.getIfSchema(), s.getThenSchema(),
                        s.getElseSchema(), s.getContains(), s.getPropertyNames()).forEach(this);
                Stream.of(s.getAllOf(), s.getAnyOf(), s.getOneOf(), s.getPrefixItems()).filter(l -> l != null)
                        .flatMap(List::stream).forEach(this);
                values(s.getDependentSchemas()).forEach(this);
                values(s.getPatternProperties()).forEach(this);
            }
        };
        if (openAPI.getComponents() != null) {
            values(openAPI.getComponents().getSchemas()).forEach(walk);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> walk.accept(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    contentSchemas(operation.getRequestBody().getContent()).forEach(walk);
                }
                if (operation.getResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        contentSchemas(response.getContent()).forEach(walk);
                        values(response.getHeaders()).map(Header::getSchema).forEach(walk);
                    }
                }
            }
        }
    }

    private static Stream<Schema> contentSchemas(Content content) {
        return content == null || content.getMediaTypes() == null ? Stream.empty()
                : content.getMediaTypes().values().stream().map(org.eclipse.microprofile.openapi.models.media.MediaType::getSchema);
    }

    private static <V> Stream<V> values(Map<String, V> map) {
        return map == null ? Stream.empty() : map.values().stream();
    }

    /** The roles a method needs, or null when it is open to everyone. */
    static List<String> roles(Method m) {
        if (m == null || m.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        if (m.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        RolesAllowed rule = m.getAnnotation(RolesAllowed.class);
        if (rule == null) {
            rule = m.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return rule == null ? null : Arrays.asList(rule.value());
    }

    /** The resource method an operation id of the PACKAGE_CLASS_METHOD strategy names. */
    static Optional<Method> method(String operationId) {
        if (operationId == null) {
            return Optional.empty();
        }
        for (char separator : new char[] {'_', '.'}) {
            int cut = operationId.lastIndexOf(separator);
            if (cut <= 0) {
                continue;
            }
            try {
                Class<?> type = Class.forName(operationId.substring(0, cut), false, ApiDocument.class.getClassLoader());
                String name = operationId.substring(cut + 1);
                return Arrays.stream(type.getMethods()).filter(x -> x.getName().equals(name)).findFirst();
            } catch (ClassNotFoundException e) {
                // try the other separator
            }
        }
        return Optional.empty();
    }
}
