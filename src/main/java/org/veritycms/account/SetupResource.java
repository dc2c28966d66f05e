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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.RateLimits;
import org.veritycms.shared.SecureRequests;
import org.veritycms.theme.ThemeRenderer;

/** {@code /admin/setup?token=}: the first administrator chooses their username and password, then is signed in. */
@Path("/admin/setup")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SetupResource {

    @Inject
    FirstAdmin firstAdmin;

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
    @PermitAll
    public Response form(@QueryParam("token") String token) {
        firstAdmin.requireSetupOpen(token);
        return page(Response.Status.OK, token, "", "", null);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("token") String token, @FormParam("username") String username,
            @FormParam("displayName") String displayName, @FormParam("password") String password) {
        limits.check("sign-in", addresses.of(servletRequest));
        try {
            Account account = firstAdmin.createThroughSetup(token, username, displayName, password);
            String session = sessions.open(account);
            return Response.seeOther(URI.create("/admin")).cookie(AnonymousForms.sessionCookie(session,
                    NewCookie.DEFAULT_MAX_AGE, SecureRequests.isSecure(servletRequest))).build();
        } catch (ProblemException e) {
            if (e.problem().status() == 410) {
                throw e;
            }
            return page(Response.Status.BAD_REQUEST, token, username, displayName, e.problem());
        }
    }

    private Response page(Response.Status status, String token, String username, String displayName, Problem problem) {
        AnonymousForms.Prepared form = forms.prepare(headers);
        Map<String, Object> model = new HashMap<>();
        model.put("pageTitle", "Set up Verity");
        model.put("token", token);
        model.put("username", username == null ? "" : username);
        model.put("displayName", displayName == null ? "" : displayName);
        model.put("problem", problem == null ? "" : problem.detail());
        model.put("csrf", form.csrf());
        return forms.attach(form, Response.status(status).entity(theme.render("admin/setup.ftlh", model))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer"), servletRequest).build();
    }


}
