package org.veritycms.site;

import org.veritycms.shared.Problem;

/** The problems of requests the application cannot take as sent, named once for the filters and the mappers. */
final class RequestProblems {

    /** The largest request body the application reads. */
    static final long MAX_BODY = 1024 * 1024;

    private RequestProblems() {
    }

    static Problem uploadTooLarge(long limit) {
        return Problem.of(413, "too-large", "Upload too large", "The upload is larger than the media library takes ("
                + org.veritycms.media.Sizes.words(limit) + " in all, for a file and its captions). Choose a smaller file.");
    }

    static Problem tooLarge() {
        return Problem.of(413, "too-large", "Request too large", "The request body is larger than 1 MiB.");
    }

    /** What the address accepts: the API takes JSON bodies, the site's forms take form-encoded ones. */
    static Problem unsupportedMediaType(String path) {
        boolean api = path.startsWith("/api/") || path.startsWith("api/");
        return Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "The request body's content type is not accepted here. Send it as "
                        + (api ? "application/json." : "application/x-www-form-urlencoded."));
    }

    /** A wildcard type such as {@code *}{@code /*} names no format: it is refused rather than guessed at. */
    static Problem wildcardMediaType(String type) {
        return Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + type + " names no format: send the body's own type, such as application/json.");
    }

    static Problem malformedAddress() {
        return Problem.of(400, "malformed-address", "Bad request",
                "The address is not valid: a percent sign must start a %XX escape of UTF-8 bytes.");
    }

    static Problem methodNotAllowed() {
        return Problem.of(405, "method-not-allowed", "Method not allowed", "This address does not accept that method.");
    }
}
