package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import org.veritycms.account.AccountAdmin;
import org.veritycms.shared.Problem;
import org.veritycms.shared.RateLimits;
import org.veritycms.theme.ThemeRenderer;

/**
 * {@code /admin/password}: everyone signed in changes their own password. Passwords typed are
 * never sent back in the form; a refusal names the field that was wrong.
 */
@Path("/admin/password")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "MODERATOR", "ADMIN"})
public class PasswordScreen {

    static final String PATH = "/admin/password";

    @Inject
    AccountAdmin accounts;

    @Inject
    AdminFrame frame;

    @Inject
    ThemeRenderer theme;

    @Inject
    RateLimits limits;

    @GET
    public String form(@QueryParam("done") String done) {
        return theme.render("admin/password.ftlh", model(null, "changed".equals(done)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("currentPassword") String current, @FormParam("newPassword") String next,
            @FormParam("confirmPassword") String confirmation) {
        // a stolen session must not become a way to guess the password behind it
        limits.check("password-change", frame.who().username());
        return FormAttempt.of(() -> {
            accounts.changeOwnPassword(frame.who(), current, next, confirmation);
            return Response.seeOther(UriBuilder.fromPath(PATH).queryParam("done", "changed").build()).build();
        }, problem -> Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(theme.render("admin/password.ftlh", model(problem, false))).build());
    }

    private Map<String, Object> model(Problem problem, boolean changed) {
        Map<String, Object> model = frame.model("Your password", PATH);
        model.put("changed", changed);
        model.put("problem", problem == null ? "" : problem.detail());
        model.put("errors", problem == null ? Map.of() : problem.fieldErrors().stream()
                .collect(java.util.stream.Collectors.toMap(Problem.FieldError::field, Problem.FieldError::message, (a, b) -> a)));
        model.put("fields", List.of("currentPassword", "newPassword", "confirmPassword"));
        return model;
    }
}
