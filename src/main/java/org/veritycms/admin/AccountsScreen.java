package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veritycms.account.Account;
import org.veritycms.account.AccountAdmin;
import org.veritycms.account.Role;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.theme.ThemeRenderer;

/** {@code /admin/accounts}: administrators create accounts, grant roles, disable and set passwords. */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed("ADMIN")
public class AccountsScreen {

    /** An account as the screens show it. */
    public record Row(String username, String displayName, String email, List<String> roles, String profession,
            String registrationNumber, boolean enabled, String lockedUntil) {
        static Row of(Account a, AdminFrame frame) {
            return new Row(a.username(), a.displayName(), a.email() == null ? "" : a.email(),
                    a.roles().stream().map(Enum::name).sorted().toList(), a.profession() == null ? "" : a.profession(),
                    a.registrationNumber() == null ? "" : a.registrationNumber(), a.enabled(),
                    a.lockedUntil() == null ? "" : frame.when(a.lockedUntil()));
        }
    }

    @Inject
    AccountAdmin admin;

    @Inject
    AdminFrame frame;

    @Inject
    ThemeRenderer theme;

    @GET
    @Transactional
    public String list() {
        return theme.render("admin/accounts.ftlh", listModel(Map.of(), List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        try {
            Account account = admin.create(field(form, "username"), form.getFirst("password"), changes(form, null), frame.who());
            return Response.seeOther(UriBuilder.fromPath("/admin/accounts/{u}").queryParam("done", "created")
                    .build(account.username())).build();
        } catch (ProblemException e) {
            return Response.status(e.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(theme.render("admin/accounts.ftlh", listModel(form, List.of(e.problem())))).build();
        }
    }

    @GET
    @Path("{username}")
    @Transactional
    public String edit(@PathParam("username") String username, @QueryParam("done") String done) {
        return theme.render("admin/account.ftlh", editModel(username, List.of(), done));
    }

    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        try {
            admin.update(username, changes(form, form.getFirst("enabled") != null), frame.who());
        } catch (ProblemException e) {
            return refused(username, e);
        }
        return Response.seeOther(UriBuilder.fromPath("/admin/accounts/{u}").queryParam("done", "saved").build(username)).build();
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        try {
            admin.setPassword(username, form.getFirst("password"), frame.who());
        } catch (ProblemException e) {
            return refused(username, e);
        }
        return Response.seeOther(UriBuilder.fromPath("/admin/accounts/{u}").queryParam("done", "password").build(username))
                .build();
    }

    private Response refused(String username, ProblemException e) {
        if (e.problem().status() == 404) {
            throw e;
        }
        return Response.status(e.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(theme.render("admin/account.ftlh", editModel(username, List.of(e.problem()), null))).build();
    }

    private Map<String, Object> listModel(Map<String, List<String>> posted, List<Problem> problems) {
        Map<String, Object> model = frame.model("Accounts", "/admin/accounts");
        model.put("accounts", admin.all().stream().map(a -> Row.of(a, frame)).toList());
        model.put("allRoles", EnumSet.allOf(Role.class).stream().map(Enum::name).toList());
        model.put("problems", problems);
        model.put("posted", Map.of("username", first(posted, "username"), "displayName", first(posted, "displayName"),
                "email", first(posted, "email"), "profession", first(posted, "profession"),
                "registrationNumber", first(posted, "registrationNumber"),
                "roles", posted.getOrDefault("roles", List.of())));
        return model;
    }

    private Map<String, Object> editModel(String username, List<Problem> problems, String done) {
        Account account = admin.find(username);
        Map<String, Object> model = frame.model(account.displayName(), "/admin/accounts");
        model.put("account", Row.of(account, frame));
        model.put("allRoles", EnumSet.allOf(Role.class).stream().map(Enum::name).toList());
        model.put("problems", problems);
        model.put("done", done == null ? "" : done);
        return model;
    }

    private static AccountAdmin.Changes changes(MultivaluedMap<String, String> form, Boolean enabled) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : form.getOrDefault("roles", List.of())) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("Unknown role " + r + ".", List.of(new Problem.FieldError("roles", "unknown role")));
            }
        }
        return new AccountAdmin.Changes(field(form, "displayName"), field(form, "email"), roles, field(form, "profession"),
                field(form, "registrationNumber"), enabled);
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String first(Map<String, List<String>> posted, String name) {
        List<String> values = posted.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
