package org.veritycms.account;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * Who is asking, and may they? Identifies the account from the session cookie (browsers) or
 * HTTP Basic credentials (API clients, no session), then enforces the {@link RolesAllowed} rule
 * a resource declares: 401 when no one is signed in (browsers are sent to the sign-in page),
 * 403 when the account lacks the role.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    jakarta.servlet.http.HttpServletRequest http;

    @Inject
    CurrentAccount current;

    @Inject
    Authenticator authenticator;

    @Inject
    org.veritycms.shared.ClientAddresses addresses;

    @Override
    public void filter(ContainerRequestContext request) {
        identify(request).ifPresent(current::set);
        RolesAllowed rule = rule();
        if (rule == null) {
            if (denied()) {
                throw forbidden();
            }
            return;
        }
        Optional<SignedIn> who = current.get();
        if (who.isEmpty()) {
            if (isApi(request)) {
                throw new ProblemException(Problem.of(401, "unauthorized", "Sign-in required",
                        "Sign in, or send HTTP Basic credentials, to use this part of the API."));
            }
            String next = request.getUriInfo().getRequestUri().getRawPath();
            request.abortWith(Response.seeOther(URI.create("/admin/login?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8))).build());
            return;
        }
        boolean allowed = Arrays.stream(rule.value()).anyMatch(r -> who.get().roles().stream().anyMatch(h -> h.name().equals(r)));
        if (!allowed) {
            throw forbidden();
        }
    }

    private Optional<SignedIn> identify(ContainerRequestContext request) {
        Cookie session = request.getCookies().get(SessionStore.COOKIE);
        if (session != null) {
            Optional<SignedIn> fromSession = authenticator.fromSession(session.getValue());
            if (fromSession.isPresent()) {
                if (isApi(request) && !SAFE_METHODS.contains(request.getMethod()) && !RequestOrigin.sameOrigin(request)) {
                    // a browser session may change things through the API only from this site's own pages
                    throw new ProblemException(Problem.of(403, "cross-site", "Not from this site",
                            "A change made with a browser session must come from this site's own pages (same Origin)."
                                    + " API clients sign in with HTTP Basic instead."));
                }
                return fromSession;
            }
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && isApi(request)) {
            return authenticator.fromBasic(authorization, addresses.of(http));
        }
        return Optional.empty();
    }

    private RolesAllowed rule() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }

    private boolean denied() {
        Method method = resource.getResourceMethod();
        return method != null && (method.isAnnotationPresent(DenyAll.class)
                || resource.getResourceClass().isAnnotationPresent(DenyAll.class) && !method.isAnnotationPresent(PermitAll.class));
    }

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    static boolean isApi(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith("/api/") || request.getUriInfo().getPath().startsWith("api/");
    }

    private static ProblemException forbidden() {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                "Your account does not have a role that may do this."));
    }
}
