package org.veritycms.shared;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a visitor reached the site over HTTPS, directly or through a proxy that says so; cookies are marked Secure then. */
public final class SecureRequests {

    private SecureRequests() {
    }

    public static boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
