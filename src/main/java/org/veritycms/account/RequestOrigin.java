package org.veritycms.account;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;

/**
 * Where a browser says a request comes from: {@code Sec-Fetch-Site}, which every current browser
 * sends, or else an {@code Origin} naming this host. Forgery needs a victim's browser, and browsers
 * tell these headers truthfully; a client that sends neither is not a browser acting for someone.
 */
final class RequestOrigin {

    private RequestOrigin() {
    }

    /** The browser says this site sent the request (for staff writes: a missing header is refused). */
    static boolean sameOrigin(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeaderString("Origin");
        return origin != null && namesHost(origin, request.getHeaderString("Host"));
    }

    /**
     * No browser header says another site sent the request (for readers' forms): a cross-site or
     * same-site-but-other-origin {@code Sec-Fetch-Site}, or an {@code Origin} (including the opaque
     * {@code null}) that is not this host, is refused; a request with neither is let through.
     */
    static boolean notFromAnotherSite(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeaderString("Origin");
        return origin == null || namesHost(origin, request.getHeaderString("Host"));
    }

    private static boolean namesHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
