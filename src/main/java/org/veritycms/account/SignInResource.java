package org.veritycms.account;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.RateLimits;
import org.veritycms.shared.SecureRequests;
import org.veritycms.theme.ThemeRenderer;

/** The sign-in form at {@code /admin/login} and sign-out. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SignInResource {

    @Inject
    SignIn signIn;

    @Inject
    SessionStore sessions;

    @Inject
    AnonymousForms forms;

    @Inject
    ThemeRenderer theme;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Path("login")
    @PermitAll
    public Response form(@QueryParam("next") String next) {
        return page(Response.Status.OK, safeNext(next), null, null);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        limits.check("sign-in", addresses.of(servletRequest));
        SignIn.Result result = signIn.attempt(username, password, addresses.of(servletRequest));
        if (!result.succeeded()) {
            return page(Response.Status.UNAUTHORIZED, safeNext(next), username, "signin.failed");
        }
        String token = sessions.open(result.account());
        return Response.seeOther(URI.create(safeNext(next)))
                .cookie(sessionCookie(token, NewCookie.DEFAULT_MAX_AGE)).build();
    }

    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        Cookie session = headers.getCookies().get(SessionStore.COOKIE);
        if (session != null) {
            sessions.close(session.getValue());
        }
        return Response.seeOther(URI.create("/")).cookie(sessionCookie("", 0)).build();
    }

    private Response page(Response.Status status, String next, String username, String error) {
        AnonymousForms.Prepared form = forms.prepare(headers);
        Map<String, Object> model = new HashMap<>();
        model.put("pageTitle", "Sign in");
        model.put("next", next);
        model.put("username", username == null ? "" : username);
        model.put("error", error == null ? "" : error);
        model.put("csrf", form.csrf());
        return forms.attach(form, Response.status(status).entity(theme.render("admin/login.ftlh", model))
                .header("Cache-Control", "no-store"), servletRequest).build();
    }

    private NewCookie sessionCookie(String value, int maxAge) {
        return AnonymousForms.sessionCookie(value, maxAge, SecureRequests.isSecure(servletRequest));
    }


    /** Only a local path may follow sign-in: never another site. */
    static String safeNext(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() ? next : "/admin";
    }

    /** A path on this site in the characters a URI may hold unescaped (no space, no backslash, no other host). */
    private static final java.util.regex.Pattern LOCAL_PATH =
            java.util.regex.Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?#]{0,500}");
}
