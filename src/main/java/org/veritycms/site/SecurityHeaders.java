package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response: a Content-Security-Policy that allows no inline script or
 * style and no framing, no MIME sniffing, a strict referrer policy, and HSTS when configured.
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:;"
            + " media-src 'self' https:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Inject
    @ConfigProperty(name = "verity.security.hsts-seconds", defaultValue = "0")
    long hstsSeconds;

    private transient Map<String, String> headers;

    @Override
    public void init() {
        headers = headers(hstsSeconds);
    }

    /** The headers every answer carries, HSTS included when configured. */
    static Map<String, String> headers(long hstsSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (hstsSeconds > 0) {
            headers.put("Strict-Transport-Security", "max-age=" + hstsSeconds + "; includeSubDomains");
        }
        return Map.copyOf(headers);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.forEach(response::setHeader);
        chain.doFilter(request, response);
    }
}
