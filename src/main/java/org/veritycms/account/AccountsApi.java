package org.veritycms.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Accounts and their roles, for administrators. Passwords are write-only. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class AccountsApi {

    /** A new account. */
    public record NewAccount(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 120) String displayName,
            @Email @Size(max = 200) String email, @NotNull Set<Role> roles, @Size(max = 120) String profession,
            @Size(max = 60) String registrationNumber, @NotNull @Size(min = 12, max = 200) String password) {
    }

    /** Changes to an account; absent fields stay as they are. */
    public record AccountChanges(@Size(min = 1, max = 120) String displayName, @Email @Size(max = 200) String email,
            Set<Role> roles, @Size(max = 120) String profession, @Size(max = 60) String registrationNumber,
            Boolean enabled) {
    }

    /** A new password. */
    public record NewPassword(@NotNull @Size(min = 12, max = 200) String password) {
    }

    /** An account as administrators see it: never its password hash. */
    public record AccountView(String username, String displayName, String email, List<String> roles, String profession,
            String registrationNumber, boolean enabled, Instant lockedUntil, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.username(), a.displayName(), a.email(),
                    a.roles().stream().map(Enum::name).sorted().toList(), a.profession(), a.registrationNumber(),
                    a.enabled(), a.lockedUntil(), a.createdAt());
        }
    }

    @Inject
    AccountAdmin admin;

    @Inject
    CurrentAccount current;

    @GET
    @Transactional
    public List<AccountView> list() {
        return admin.all().stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewAccount body) {
        Account created = admin.create(body.username(), body.password(), new AccountAdmin.Changes(body.displayName(),
                body.email(), body.roles(), body.profession(), body.registrationNumber(), null), current.require());
        return Response.created(URI.create("/api/v1/accounts/" + created.username())).entity(AccountView.of(created)).build();
    }

    @GET
    @Path("{username}")
    @Transactional
    public AccountView read(@PathParam("username") String username) {
        return AccountView.of(admin.find(username));
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView update(@PathParam("username") String username, @Valid @NotNull AccountChanges body) {
        return AccountView.of(admin.update(username, new AccountAdmin.Changes(body.displayName(), body.email(), body.roles(),
                body.profession(), body.registrationNumber(), body.enabled()), current.require()));
    }

    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(@PathParam("username") String username, @Valid @NotNull NewPassword body) {
        admin.setPassword(username, body.password(), current.require());
        return Response.noContent().build();
    }
}
