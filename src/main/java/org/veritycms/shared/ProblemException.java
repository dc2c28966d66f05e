package org.veritycms.shared;

import java.util.List;

/**
 * Thrown by domain code when a request cannot be honoured; the web layer turns it into
 * problem+json for the API and a themed page for browsers.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    public ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds a client should wait before retrying (429), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                "You have sent too many requests. Please wait " + retryAfterSeconds + " seconds and try again."),
                retryAfterSeconds);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what));
    }

    public static ProblemException gone(String what) {
        return new ProblemException(Problem.of(410, "gone", "No longer available", what));
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(Problem.of(400, type, "Bad request", detail));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem("validation", "Invalid input", 400, detail, errors));
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(Problem.of(409, type, "Conflict", detail));
    }
}
