package org.veritycms.editorial;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.veritycms.account.CurrentAccount;
import org.veritycms.account.SignedIn;
import org.veritycms.page.Page;
import org.veritycms.page.WithdrawalReason;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;

/**
 * The management API for pages: list with filters, create, read, save with a version check,
 * workflow steps, scheduling, revisions and their differences, Markdown preview, and the export.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EditorialApi {

    static final String READERS = "AUTHOR,EDITOR,CLINICAL_REVIEWER,ADMIN";

    /**
     * A workflow step as asked for. {@code revision} is the revision the step acts on and must be the
     * working one (required to approve or publish); {@code reason} says why a page is withdrawn
     * (EDITORIAL or SAFETY, with a note); {@code nextDue} is the next review date an approval sets
     * (at most the tier's interval away; by default exactly that).
     */
    @Schema(name = "StepRequest")
    public record StepRequest(@NotBlank String step, @Min(1) Integer revision, Instant publishAt,
            @Size(max = 1000) String note,
            @Schema(enumeration = {"EDITORIAL", "SAFETY"}, description = "Why the page is withdrawn (step withdraw)")
            WithdrawalReason reason, LocalDate nextDue) {
    }

    /** Publication window as asked for; null clears a time. */
    public record ScheduleRequest(Instant publishAt, Instant expireAt) {
    }

    /** Markdown to preview. */
    public record PreviewRequest(@NotNull @Size(max = 200_000) String body) {
    }

    /** The preview: sanitised HTML, as readers would get it. */
    public record Preview(String html) {
    }

    @Inject
    PageEditor editor;

    @Inject
    EditorialReads reads;

    @Inject
    ContentExport export;

    @Inject
    CurrentAccount current;

    @GET
    @Path("editorial/pages")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    @APIResponse(responseCode = "200", description = "The pages that match, in the order asked for")
    @APIResponse(responseCode = "400", description = "An unknown status, review state or sort column, or a title"
            + " longer than 200 characters")
    public List<EditorialViews.PageRow> list(@QueryParam("topic") String topic, @QueryParam("status") String status,
            @QueryParam("review") String review, @QueryParam("owner") String owner, @QueryParam("title") String title,
            @QueryParam("sort") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        return reads.list(new EditorialReads.Filter(topic, status, review, owner, title, sort), offset, limit);
    }

    @POST
    @Path("editorial/pages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"AUTHOR", "EDITOR"})
    @APIResponse(responseCode = "201", description = "The new draft (revision 1)",
            headers = @Header(name = "Location", required = true, description = "The new page's address in this API",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EditorialViews.PageDetail.class)))
    @APIResponse(responseCode = "409", description = "There is already a page at this slug")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = PageInput.class, requiredProperties = {"slug", "topic"})))
            @Valid @NotNull PageInput input) {
        SignedIn who = current.require();
        Page page = editor.create(input, who);
        return Response.created(URI.create("/api/v1/editorial/pages/" + page.slug()))
                .entity(reads.detail(page.slug(), who)).build();
    }

    @GET
    @Path("editorial/pages/{slug}")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    public EditorialViews.PageDetail read(@PathParam("slug") String slug) {
        return reads.detail(slug, current.require());
    }

    @PUT
    @Path("editorial/pages/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"AUTHOR", "EDITOR"})
    @APIResponse(responseCode = "200", description = "The page after the save (unchanged content saves nothing)")
    @APIResponse(responseCode = "409", description = "Someone saved the page after the version sent (nothing is"
            + " overwritten), or its status does not allow editing")
    public EditorialViews.PageDetail save(@PathParam("slug") String slug,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(allOf = PageInput.class, requiredProperties = "version")))
            @Valid @NotNull PageInput input) {
        SignedIn who = current.require();
        editor.save(slug, input, who);
        return reads.detail(slug, who);
    }

    @POST
    @Path("editorial/pages/{slug}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER"})
    @APIResponse(responseCode = "200", description = "The page after the step")
    @APIResponse(responseCode = "409", description = "The revision named is not the working one, or the page's"
            + " status does not allow the step: nothing changed")
    public EditorialViews.PageDetail transition(@PathParam("slug") String slug, @Valid @NotNull StepRequest request) {
        Transition step = Transition.parse(request.step());
        if (step == null) {
            throw ProblemException.invalid("Unknown step '" + request.step() + "'.", List.of(new Problem.FieldError("step",
                    "must be one of " + java.util.Arrays.stream(Transition.values()).map(Transition::key).toList())));
        }
        SignedIn who = current.require();
        editor.transition(slug, new StepInput(step, request.revision(), request.publishAt(), request.note(),
                request.reason(), request.nextDue()), who);
        return reads.detail(slug, who);
    }

    @PUT
    @Path("editorial/pages/{slug}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("EDITOR")
    @APIResponse(responseCode = "200", description = "The page with its new publication window")
    @APIResponse(responseCode = "409", description = "A publication time for a page that is not approved")
    public EditorialViews.PageDetail schedule(@PathParam("slug") String slug, @NotNull ScheduleRequest request) {
        SignedIn who = current.require();
        editor.schedule(slug, request.publishAt(), request.expireAt(), who);
        return reads.detail(slug, who);
    }

    @GET
    @Path("editorial/pages/{slug}/media")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    public List<EditorialViews.MediaView> media(@PathParam("slug") String slug) {
        return reads.detail(slug, current.require()).media();
    }

    @GET
    @Path("editorial/pages/{slug}/revisions")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    public List<EditorialViews.RevisionRow> revisions(@PathParam("slug") String slug) {
        return reads.revisions(slug);
    }

    @GET
    @Path("editorial/pages/{slug}/revisions/{number: [0-9]{1,9}}")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    public EditorialViews.RevisionDetail revision(@PathParam("slug") String slug, @PathParam("number") int number) {
        return reads.revision(slug, number);
    }

    @GET
    @Path("editorial/pages/{slug}/diff")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    public EditorialViews.Diff diff(@PathParam("slug") String slug,
            @Parameter(required = true, description = "One revision number") @QueryParam("from") Integer from,
            @Parameter(required = true, description = "The other revision number") @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.invalid("Give the two revisions to compare.", List.of(
                    new Problem.FieldError(from == null ? "from" : "to", "is required")));
        }
        return reads.diff(slug, from, to);
    }

    @POST
    @Path("editorial/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER"})
    public Preview preview(@Valid @NotNull PreviewRequest request) {
        return new Preview(reads.preview(request.body()));
    }

    @GET
    @Path("export")
    @Produces("application/zip")
    @RolesAllowed({"EDITOR", "ADMIN"})
    @APIResponse(responseCode = "200", description = "Every topic and page in the content format, as a zip",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"verity-content.zip\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/zip",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportContent() {
        return Response.ok(export.zip(current.require()), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"verity-content.zip\"").build();
    }
}
