package org.veritycms.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.veritycms.account.CurrentAccount;
import org.veritycms.account.SignedIn;
import org.veritycms.account.VisitorKeys;
import org.veritycms.theme.ThemeRenderer;

/** The admin's front page: who is signed in and where they can go. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "MODERATOR", "ADMIN"})
public class AdminHomeResource {

    @Inject
    CurrentAccount current;

    @Inject
    VisitorKeys keys;

    @Inject
    ThemeRenderer theme;

    @GET
    public String home() {
        SignedIn who = current.require();
        return theme.render("admin/home.ftlh", Map.of("pageTitle", "Dashboard", "who", who.displayName(),
                "roles", who.roles().stream().map(Enum::name).sorted().toList(),
                "csrf", keys.csrfForSignedIn().orElseThrow()));
    }
}
