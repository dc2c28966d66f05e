package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.veritycms.shared.Conflicts;
import org.veritycms.shared.DatabaseUnavailable;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/** Exception mappers: each turns one family of failures into a problem, answered by {@link ErrorResponses}. */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
        @Inject
        ErrorResponses responses;
        @Context
        UriInfo uri;
        @Context
        HttpHeaders headers;

        Response answer(Problem problem, Throwable cause) {
            return responses.respond(problem, cause, uri, headers, Map.of());
        }

        Response answer(Refusal refusal, Throwable cause) {
            Response response = answer(refusal.problem(), cause);
            return refusal.retryAfterSeconds() > 0
                    ? Response.fromResponse(response).header("Retry-After", refusal.retryAfterSeconds()).build() : response;
        }
    }

    /** The problem an exception is answered with, and the seconds to send in Retry-After (0: none). */
    record Refusal(Problem problem, long retryAfterSeconds) {
    }

    /**
     * How an exception is answered, for the mappers and for the readers' hot path ahead of JAX-RS
     * alike: a problem raised on purpose as itself (with Retry-After when it is 429 or 503); an
     * unreadable body or a value of the wrong type as 400; an unreachable database as 503; a
     * concurrent change (stale version, unique-key race, lock failure, as the container wrapped it)
     * as a 409 to retry; the rest as ours, 500.
     */
    static Refusal refusalOf(Throwable e) {
        if (e instanceof ProblemException problem) {
            int status = problem.problem().status();
            return new Refusal(problem.problem(), status == 429 || status == 503 ? problem.retryAfterSeconds() : 0);
        }
        Problem.FieldError notWhole = Unexpected.wrongType(e);
        if (notWhole != null) {
            return new Refusal(new Problem("validation", "Invalid input", 400, "Some fields are not valid.", List.of(notWhole)), 0);
        }
        if (DatabaseUnavailable.isCause(e)) {
            return new Refusal(Problem.of(503, "unavailable", "Service briefly unavailable",
                    "The database could not be reached. Nothing was saved; please try again in a few seconds."),
                    DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        if (Unexpected.isUnreadableBody(e)) {
            return new Refusal(Problem.of(400, "malformed-body", "Malformed request body",
                    "The request body could not be read as the expected JSON or form."), 0);
        }
        if (Conflicts.isConflict(e)) {
            return new Refusal(Conflicts.problem(), 0);
        }
        return new Refusal(Problem.of(500, "server-error", "Something went wrong",
                "The server could not complete the request. Quote the error id if you report it."), 0);
    }

    /** Problems raised on purpose by domain code. */
    @Provider
    public static class Problems extends Base<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            if (e instanceof PageWithdrawn withdrawn) {
                return responses.respond(e.problem(), e, uri, headers, Map.of("topic", withdrawn.topic(),
                        "withdrawnTitle", withdrawn.title(), "withdrawnByEditors", withdrawn.byEditors()));
            }
            return answer(refusalOf(e), e);
        }
    }

    /** JAX-RS's own answers: unknown path, wrong method, unsupported media type, and so on. */
    @Provider
    public static class WebErrors extends Base<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String query = unreadableQueryParameter(e);
            if (query != null) {
                return answer(new Problem("validation", "Invalid input", 400, "The query parameter '" + query
                        + "' is not of its type.", List.of(new Problem.FieldError(query, "is not of its type"))), e);
            }
            if (status >= 500) {
                return answer(Problem.of(500, "server-error", "Something went wrong",
                        "The server could not complete the request."), e);
            }
            Response response = answer(status == 415 ? RequestProblems.unsupportedMediaType(uri.getPath()) : problemFor(status), e);
            Object allow = e.getResponse().getHeaders().getFirst("Allow");
            return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
        }

        /**
         * The name of a query parameter the request gave a value its type cannot take (limit=abc), or
         * null. JAX-RS answers those with 404 as if the address were unknown; the address is fine and
         * the value is wrong, which is a 400.
         */
        static String unreadableQueryParameter(WebApplicationException e) {
            if (!(e instanceof jakarta.ws.rs.NotFoundException) || e.getCause() == null || e.getMessage() == null) {
                return null;
            }
            java.util.regex.Matcher m = QUERY_PARAM.matcher(e.getMessage());
            return m.find() ? m.group(1) : null;
        }

        private static final java.util.regex.Pattern QUERY_PARAM =
                java.util.regex.Pattern.compile("QueryParam\\(\"([A-Za-z0-9_.-]{1,60})\"\\)");

        private static Problem problemFor(int status) {
            return switch (status) {
                case 404 -> Problem.of(404, "not-found", "Page not found", "There is nothing at this address.");
                case 405 -> RequestProblems.methodNotAllowed();
                case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "No representation matches the Accept header.");
                case 413 -> RequestProblems.tooLarge();
                case 401 -> Problem.of(401, "unauthorized", "Sign-in required", "You need to sign in to do this.");
                case 403 -> Problem.of(403, "forbidden", "Forbidden", "Your account may not do this.");
                default -> Problem.of(status, "bad-request", "Bad request", "The request could not be understood.");
            };
        }
    }

    /** Bean Validation failures on request bodies and parameters, with each field named. */
    @Provider
    public static class Violations extends Base<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.FieldError(field(v), v.getMessage())).toList();
            return answer(new Problem("validation", "Invalid input", 400, "Some fields are not valid.", errors), e);
        }

        private static String field(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            int dot = path.indexOf('.');
            // drop the method and parameter names RESTEasy puts in front of body fields
            String[] parts = path.split("\\.");
            return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                    : dot < 0 ? path : path.substring(dot + 1);
        }
    }

    /**
     * Anything else: unreadable bodies are the client's fault; a concurrent change (stale version,
     * unique-key race, lock failure, as the container wrapped it) is a 409 to retry; the rest is
     * ours, logged with its id.
     */
    @Provider
    public static class Unexpected extends Base<Throwable> {

        private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");
        @Override
        public Response toResponse(Throwable e) {
            return answer(refusalOf(e), e);
        }

        /** The field a whole number was expected in (JSON-B names it in the message that wraps ours), or null. */
        private static Problem.FieldError wrongType(Throwable e) {
            String field = "body";
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                Matcher named = PROPERTY.matcher(String.valueOf(t.getMessage()));
                if (named.find()) {
                    field = named.group(1);
                }
                if (t instanceof JsonBinding.WrongType) {
                    return new Problem.FieldError(field, t.getMessage());
                }
            }
            return null;
        }

        private static boolean isUnreadableBody(Throwable e) {
            if (failedWritingResponse(e)) {
                return false;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProcessingException || t instanceof jakarta.json.bind.JsonbException
                        || t instanceof jakarta.json.stream.JsonParsingException) {
                    return true;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }

        /** A JSON failure while writing our own answer is our fault (500), never the client's. */
        private static boolean failedWritingResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getMethodName().equals("writeTo") || frame.getMethodName().equals("toJson")) {
                        return true;
                    }
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }
    }
}
