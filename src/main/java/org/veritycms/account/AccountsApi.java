package org.veritycms.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Accounts and their roles, for administrators. Passwords are write-only. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class AccountsApi {

    /** What a username may be (the account's own rule, checked again when the account is made). */
    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{1,59}";

    /** A new account. */
    public record NewAccount(
            @NotBlank @Size(max = 60)
            @Pattern(regexp = USERNAME, message = "A username is 2 to 60 letters, digits, dots, hyphens or underscores")
            String username,
            @NotBlank @Size(max = 120) String displayName,
            @Email @Schema(format = "email") @Size(max = 200) String email, @NotNull Set<Role> roles,
            @Size(max = 120) String profession, @Size(max = 60) String registrationNumber,
            @NotNull @Size(min = 12, max = 200)
            @Schema(writeOnly = true, description = "12 to 200 characters, at least 5 of them different") String password) {
    }

    /** Changes to an account; absent fields stay as they are. */
    public record AccountChanges(@Size(min = 1, max = 120) String displayName,
            @Email @Schema(format = "email") @Size(max = 200) String email,
            Set<Role> roles, @Size(max = 120) String profession, @Size(max = 60) String registrationNumber,
            Boolean enabled) {
    }

    /** A new password. */
    public record NewPassword(@NotNull @Size(min = 12, max = 200)
            @Schema(writeOnly = true, description = "12 to 200 characters, at least 5 of them different") String password) {
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
    @APIResponse(responseCode = "201", description = "The new account",
            headers = @Header(name = "Location", required = true, description = "The account's address in this API",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "There is already an account with this username")
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
    @APIResponse(responseCode = "200", description = "The account after the changes")
    @APIResponse(responseCode = "409", description = "An administrator removing their own ADMIN role or disabling"
            + " their own account")
    public AccountView update(@PathParam("username") String username, @Valid @NotNull AccountChanges body) {
        return AccountView.of(admin.update(username, new AccountAdmin.Changes(body.displayName(), body.email(), body.roles(),
                body.profession(), body.registrationNumber(), body.enabled()), current.require()));
    }

    @PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.WILDCARD) // nothing to represent: any Accept header will do (errors are problem+json)
    @APIResponse(responseCode = "204", description = "The password is changed and the account's sessions are ended")
    public Response password(@PathParam("username") String username, @Valid @NotNull NewPassword body) {
        admin.setPassword(username, body.password(), current.require());
        return Response.noContent().build();
    }
}
