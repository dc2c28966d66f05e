package org.veritycms.site;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Shapes the OpenAPI document at {@code /openapi}: the JSON API only (not the HTML site or the
 * admin screens), and for every operation the security it needs, read from the same
 * {@link RolesAllowed} rule the server enforces: HTTP Basic or the session cookie, the roles in
 * {@code x-roles}, and the 401 and 403 answers; {@code x-access} says "public" or "roles".
 */
public class ApiDocument implements OASFilter {

    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setInfo(OASFactory.createInfo().title("Verity API").version("v1").description(
                "Public reads and writes (pages, ratings, comments) and the management API for editors, clinical reviewers,"
                        + " moderators and administrators. Errors are application/problem+json (RFC 9457)."));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("An account's username and password; no session is opened."));
        components.addSecurityScheme(SESSION, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("verity_session").description("The session of a signed-in browser."));
        components.addSchema(PROBLEM, typed(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, as every error is answered.")
                .addProperty("type", typed(Schema.SchemaType.STRING))
                .addProperty("title", typed(Schema.SchemaType.STRING))
                .addProperty("status", typed(Schema.SchemaType.INTEGER))
                .addProperty("detail", typed(Schema.SchemaType.STRING))
                .addProperty("instance", typed(Schema.SchemaType.STRING))
                .addProperty("errorId", typed(Schema.SchemaType.STRING))
                .addProperty("errors", typed(Schema.SchemaType.ARRAY).items(typed(Schema.SchemaType.OBJECT)
                        .addProperty("field", typed(Schema.SchemaType.STRING))
                        .addProperty("message", typed(Schema.SchemaType.STRING))))
                .addRequired("title").addRequired("status"));
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        for (String path : new ArrayList<>(openAPI.getPaths().getPathItems().keySet())) {
            if (!path.startsWith("/api/")) {
                openAPI.getPaths().removePathItem(path);
                continue;
            }
            PathItem item = openAPI.getPaths().getPathItem(path);
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                describeSecurity(entry.getValue());
                describeErrors(path, entry.getKey(), entry.getValue());
            }
        }
    }

    private static void describeSecurity(Operation operation) {
        Optional<Method> method = method(operation.getOperationId());
        if (method.isEmpty()) {
            return;
        }
        Method m = method.get();
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
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().description("Not signed in (problem+json)."));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().description("No role that may do this (problem+json)."));
        }
        operation.setResponses(responses);
    }

    /** The problem answers an operation can give, by what it takes and does. */
    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        problem(responses, "400", "A parameter or body that cannot be read or breaks a rule; errors names each field.");
        if (path.contains("{")) {
            problem(responses, "404", "Nothing at this address.");
        }
        if (path.startsWith("/api/v1/pages/{")) {
            problem(responses, "410", "The page has been withdrawn.");
        }
        if (writes) {
            problem(responses, "409", "A stale version or revision, or a step the current state does not allow: nothing changed.");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than the server takes.");
            problem(responses, "415", "The body is not in a media type this operation reads.");
        }
        if (writes && roles(method(operation.getOperationId()).orElse(null)) == null) {
            problem(responses, "429", "Too many requests from this client; Retry-After says when to try again.");
        }
        operation.setResponses(responses);
    }

    private static Schema typed(Schema.SchemaType type) {
        return OASFactory.createSchema().type(List.of(type));
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
        }
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
