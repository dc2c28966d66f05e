package org.veritycms.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request body over 1 MiB with 413 before anything reads it: problem+json for the API
 * and API clients, a short page for browsers. (The server itself cuts off any body far larger.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final long MAX_BODY = 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BODY) {
            response.setStatus(413);
            response.setHeader("Connection", "close");
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
}
