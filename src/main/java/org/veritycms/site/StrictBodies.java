package org.veritycms.site;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.veritycms.shared.ProblemException;

/**
 * A request body says exactly what it is: a wildcard {@code Content-Type} such as {@code *}{@code /*}
 * names no format, so it is refused (415) rather than guessed at; and a JSON body must be valid
 * UTF-8 (RFC 8259), so that bytes which are not text are refused (400) instead of silently turning
 * into replacement characters in what gets stored. The body is at most the request size limit, so
 * it is read whole here and handed on unchanged.
 */
@Provider
public class StrictBodies implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity() && !WRITES.contains(request.getMethod())) {
            return;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new ProblemException(RequestProblems.wildcardMediaType(type.getType() + "/" + type.getSubtype()));
        }
        if (isJson(type) && request.hasEntity()) {
            byte[] body = request.getEntityStream().readAllBytes();
            requireUtf8(body);
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json");
    }

    static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("invalid-encoding",
                    "The request body is not valid UTF-8 (RFC 8259 requires it for JSON).");
        }
    }
}
