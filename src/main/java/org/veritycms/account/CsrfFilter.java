package org.veritycms.account;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.veritycms.shared.CsrfTokens;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ReaderTokens;

/**
 * Every state-changing HTML form of the staff's screens (and of sign-in) must carry the CSRF token
 * made for this visitor: their session when signed in, their reader cookie otherwise. A public
 * {@link ReaderForm} stands on a page shared by every reader, so it has no token: it is refused
 * when the browser says another site sent it. JSON API calls are not forms: browsers cannot send
 * them cross-site without CORS, which this server never grants.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class CsrfFilter implements ContainerRequestFilter {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Context
    ResourceInfo resource;

    @Inject
    CurrentAccount current;

    @Inject
    CsrfTokens tokens;

    @Inject
    ReaderTokens readers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod()) || AccessFilter.isApi(request)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            Method method = resource.getResourceMethod();
            if (method == null || !method.isAnnotationPresent(ChecksCsrfInBody.class)) {
                throw expired();
            }
            return; // the resource checks the token as it reads the body
        }
        if (type != null && !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return; // anything but a form is refused later by the resource's @Consumes
        }
        if (isReaderForm()) {
            if (!RequestOrigin.notFromAnotherSite(request)) {
                throw expired();
            }
            return;
        }
        String token = formField(request, CsrfTokens.FIELD);
        if (!tokens.isValid(visitorKey(request).orElse(null), token)) {
            throw expired();
        }
    }

    private boolean isReaderForm() {
        Method method = resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(ReaderForm.class);
    }

    /** Said for a missing or wrong token and for a form another site sent alike. */
    public static ProblemException expired() {
        return new ProblemException(Problem.of(403, "csrf", "Form expired",
                "This form has expired or did not come from this site. Go back, reload the page and try again."));
    }

    /** What a CSRF token is bound to for this request. */
    public Optional<String> visitorKey(ContainerRequestContext request) {
        Optional<SignedIn> who = current.get();
        if (who.isPresent()) {
            return Optional.of(who.get().sessionKey());
        }
        Cookie reader = request.getCookies().get(ReaderTokens.COOKIE);
        return reader == null ? Optional.empty() : readers.verify(reader.getValue()).map(id -> "reader:" + id);
    }

    private static String formField(ContainerRequestContext request, String name) {
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
