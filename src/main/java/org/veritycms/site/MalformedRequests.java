package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.veritycms.shared.Problem;

/**
 * Refuses, with a proper answer, requests the application could not read: an address whose percent
 * escapes are broken or do not spell UTF-8 (400), an Accept header that does not parse (400), and a
 * Content-Type that does not parse (415). Left alone, these fail deep in the server or in JAX-RS with a
 * bare page or a 500.
 *
 * <p>The server does not decode addresses with broken escapes (see {@code configure-server.cli}), so such
 * a request reaches this filter undecoded.
 */
public class MalformedRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ErrorResponses responses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Problem problem = problem(request);
        if (problem != null) {
            responses.send(problem, request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static Problem problem(HttpServletRequest request) {
        String query = request.getQueryString();
        if (!wellEncoded(request.getRequestURI()) || query != null && !wellEncoded(query)) {
            return RequestProblems.malformedAddress();
        }
        if (!parses(request.getHeader("Accept"), true)) {
            return Problem.of(400, "malformed-accept", "Bad request", "The Accept header is not a list of media types.");
        }
        if (!parses(request.getHeader("Content-Type"), false)) {
            return RequestProblems.unsupportedMediaType(request.getRequestURI());
        }
        return null;
    }

    /** Whether every {@code %} starts a two-digit hex escape and the escaped bytes are UTF-8. */
    static boolean wellEncoded(String raw) {
        if (raw.indexOf('%') < 0) {
            return true; // nothing escaped: the common case, checked on every request without copying
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int high = hex(raw.charAt(i + 1));
                int low = hex(raw.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Whether a header of media types (a list of them when {@code list}) parses, quality values included. */
    static boolean parses(String header, boolean list) {
        if (header == null || header.isBlank()) {
            return true;
        }
        for (String part : list ? header.split(",") : new String[] {header}) {
            if (part.isBlank() && list) {
                continue;
            }
            try {
                String q = MediaType.valueOf(part.trim()).getParameters().get("q");
                if (q != null && !(Double.parseDouble(q) >= 0 && Double.parseDouble(q) <= 1)) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }
}
