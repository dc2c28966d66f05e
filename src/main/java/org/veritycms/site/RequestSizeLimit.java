package org.veritycms.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request body over 1 MiB with 413 before the application reads it: problem+json for the
 * API and API clients, a short page for browsers. (The server itself cuts off any body over 4 MiB.)
 *
 * <p>The unread body is drained and discarded first. Answering while the client is still sending and
 * then closing would make the operating system reset the connection over the unread bytes, and a reset
 * can destroy the 413 before the client reads it.
 */
public class RequestSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final long MAX_BODY = 1024 * 1024;

    /** The listener's own {@code max-post-size}; a body larger than this is cut off by the server. */
    static final long SERVER_MAX_BODY = 4 * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BODY) {
            if (!drain(request)) {
                response.setHeader("Connection", "close");
            }
            response.setStatus(413);
            String accept = request.getHeader("Accept");
            boolean api = request.getRequestURI().startsWith("/api/")
                    || accept != null && (accept.contains("json")) && !accept.contains("text/html");
            String body;
            if (api) {
                response.setContentType("application/problem+json");
                body = "{\"type\":\"urn:verity:problem:too-large\",\"title\":\"Request too large\",\"status\":413,"
                        + "\"detail\":\"The request body is larger than 1 MiB.\",\"instance\":\""
                        + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "") + "\"}";
            } else {
                response.setContentType("text/html;charset=UTF-8");
                body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Request too large</title></head>"
                        + "<body><main><h1>Request too large</h1><p>What you sent is larger than 1 MiB.</p></main></body></html>";
            }
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Reads and discards a body the server will accept anyway; false when it is too large or the client went away. */
    private static boolean drain(HttpServletRequest request) {
        if (request.getContentLengthLong() > SERVER_MAX_BODY) {
            return false;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            while (in.read(buffer) != -1) {
                // discarded
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
