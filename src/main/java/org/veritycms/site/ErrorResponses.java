package org.veritycms.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.veritycms.shared.Problem;
import org.veritycms.site.Views.Link;
import org.veritycms.theme.ThemeRenderer;

/**
 * The one place errors become responses: {@code application/problem+json} (RFC 9457) for the
 * API and API clients, a themed page for browsers. Every answer carries an error id that is
 * also in the log; nothing about the code's insides is ever shown.
 */
@ApplicationScoped
public class ErrorResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);
    /** Nothing at the address asked for. */
    public static final Problem NOT_FOUND = Problem.of(404, "not-found", "Page not found", "There is nothing at this address.");
    private static final String ADMIN_ERROR = "admin/error.ftlh";
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private final ThemeRenderer theme;

    @Inject
    public ErrorResponses(ThemeRenderer theme) {
        this.theme = theme;
    }

    protected ErrorResponses() {
        this(null);
    }

    public Response respond(Problem problem, Throwable cause, UriInfo uri, HttpHeaders headers, Map<String, ?> extra) {
        Answer answer = answer(problem, cause, uri.getRequestUri().getPath(), wantsJson(uri, headers), extra);
        return Response.status(problem.status()).type(answer.type()).entity(answer.body()).build();
    }

    /**
     * Answers a request the application refuses before JAX-RS sees it (servlet filters and servlets),
     * the same way as {@link #respond}: problem+json or the themed page.
     */
    public void send(Problem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean json = wantsJson(request.getRequestURI(), acceptable(request.getHeader("Accept")));
        Answer answer = answer(problem, null, request.getRequestURI(), json, Map.of());
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(answer.type().toString());
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * The themed page for a request a servlet answers rather than JAX-RS (a file under
     * {@code /assets/} or {@code /media/} that is not there), so that a miss there looks like any other.
     */
    public void sendPage(Problem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        send(problem, request, response);
    }

    /**
     * The problem as problem+json for a request answered ahead of JAX-RS and the servlet chain (the
     * readers' hot path), logged with its error id as {@link #respond} logs it.
     */
    public String problemJson(Problem problem, Throwable cause, String path) {
        return json(problem, logged(problem, cause, path), path);
    }

    /** A rendered answer: its media type and body. */
    private record Answer(MediaType type, String body) {
    }

    private Answer answer(Problem problem, Throwable cause, String path, boolean json, Map<String, ?> extra) {
        String errorId = logged(problem, cause, path);
        if (json) {
            return new Answer(PROBLEM_JSON_TYPE, json(problem, errorId, path.startsWith("/") ? path : "/" + path));
        }
        String template = isAdmin(path) ? ADMIN_ERROR : problem.status() + ".ftlh";
        return new Answer(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"), html(problem, errorId, extra, template));
    }

    private static String logged(Problem problem, Throwable cause, String path) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        if (problem.status() == 503) {
            // an outage answers many requests alike: one line each, without the stack
            LOG.warning(() -> "Unavailable " + errorId + " on " + path + ": " + cause);
        } else if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Error " + errorId + " on " + path, cause);
        } else if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("Client error " + errorId + " (" + problem.status() + " " + problem.type() + ") on "
                    + path + ": " + problem.detail());
        }
        return errorId;
    }

    public static boolean wantsJson(UriInfo uri, HttpHeaders headers) {
        return wantsJson(uri.getPath(), headers.getAcceptableMediaTypes());
    }

    static boolean wantsJson(String path, List<MediaType> accepted) {
        if (path.startsWith("/api/") || path.startsWith("api/")) {
            return true;
        }
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()
                    || type.isCompatible(PROBLEM_JSON_TYPE) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    /** The media types of an Accept header, most preferred first; parts that do not parse are left out. */
    static List<MediaType> acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of(MediaType.WILDCARD_TYPE);
        }
        List<MediaType> types = new ArrayList<>();
        for (String part : accept.split(",")) {
            try {
                types.add(MediaType.valueOf(part.trim()));
            } catch (IllegalArgumentException e) {
                // a part that does not parse says nothing about what the client wants
            }
        }
        types.sort(Comparator.comparingDouble(ErrorResponses::quality).reversed());
        return types;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String json(Problem problem, String errorId, String path) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "urn:verity:problem:" + problem.type())
                .add("title", problem.title())
                .add("status", problem.status())
                .add("detail", problem.detail() == null ? problem.title() : problem.detail())
                .add("instance", path)
                .add("errorId", errorId);
        if (!problem.fieldErrors().isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            problem.fieldErrors().forEach(e -> errors.add(Json.createObjectBuilder()
                    .add("field", e.field()).add("message", e.message())));
            body.add("errors", errors);
        }
        return body.build().toString();
    }

    /** An error under {@code /admin} stays in the admin's frame, where the person was working. */
    private static boolean isAdmin(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.equals("admin") || path.startsWith("admin/");
    }

    /** {@code template} when the theme has it, else the theme's general error page. */
    private String html(Problem problem, String errorId, Map<String, ?> extra, String template) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("problem", problem);
        model.put("errorId", errorId);
        model.put("pageTitle", problem.title());
        model.put("breadcrumbs", List.<Link>of());
        try {
            return theme.render(theme.hasTemplate(template) ? template : "error.ftlh", model);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Error page could not be rendered for error " + errorId, e);
            return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head>"
                    + "<body><h1>Something went wrong</h1><p>Error id: " + errorId + "</p></body></html>";
        }
    }
}
