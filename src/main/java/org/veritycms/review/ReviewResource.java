package org.veritycms.review;

import org.veritycms.page.ReviewKind;
import org.veritycms.page.ReviewRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.veritycms.account.AccountRepository;
import org.veritycms.account.CurrentAccount;
import org.veritycms.page.PageRepository;
import org.veritycms.shared.ProblemException;

/** Review sign-off, review history, the review dashboard and an on-demand scan, over JSON. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /**
     * A review as submitted: the revision reviewed (the live one), or a media item and its revision;
     * a newer revision answers 409 and records nothing.
     */
    @Schema(name = ReviewRequest.SCHEMA)
    public record ReviewRequest(@NotNull ReviewKind kind, @NotNull @Min(1) Integer revision, Long mediaItemId,
            @Min(1) Integer mediaRevision, @Size(max = 4000) String scopeNotes, LocalDate nextDue,
            @Size(max = 60) String registrationNumber) {
        public static final String SCHEMA = "ReviewRequest";
    }

    /** A review record as the API shows it. */
    public record ReviewJson(long id, String kind, Long mediaItemId, Integer mediaRevision, String subject, String reviewer,
            String profession, String registrationNumber, String scopeNotes, int revision, String contentSha256,
            LocalDate reviewedOn, LocalDate nextReviewDue, Instant recordedAt, boolean imported) {
        static ReviewJson of(ReviewRecord r) {
            return new ReviewJson(r.id(), r.kind().name(), r.mediaItemId(), r.mediaRevision(), r.subjectTitle(),
                    r.reviewerName(), r.reviewerProfession(), r.registrationNumber(), r.scopeNotes(), r.revisionNumber(),
                    r.contentSha256(), r.reviewedOn(), r.nextReviewDue(), r.recordedAt(), r.imported());
        }
    }

    @Inject
    ReviewSignOff signOff;

    @Inject
    ReviewDashboard dashboard;

    @Inject
    ReviewScanner scanner;

    @Inject
    CurrentAccount current;

    @Inject
    AccountRepository accounts;

    @Inject
    PageRepository pages;

    @POST
    @Path("pages/{slug}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"CLINICAL_REVIEWER", "EDITOR"})
    @Transactional
    @APIResponse(responseCode = "201", description = "The review record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewJson.class)))
    @APIResponse(responseCode = "409", description = "The page was never published, or the revision (or the media"
            + " item's revision) named is not the live one: nothing was recorded")
    public Response record(@PathParam("slug") String slug, @Valid @NotNull ReviewRequest request) {
        ReviewRecord record = signOff.record(slug, new ReviewSignOff.Request(request.kind(), request.revision(),
                request.mediaItemId(), request.mediaRevision(), request.scopeNotes(), request.nextDue(),
                request.registrationNumber()), accounts.findById(current.require().accountId()).orElseThrow());
        return Response.status(Response.Status.CREATED).entity(ReviewJson.of(record)).build();
    }

    @GET
    @Path("pages/{slug}/reviews")
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    @Transactional
    public List<ReviewJson> history(@PathParam("slug") String slug) {
        long pageId = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'.")).id();
        return signOff.recordsOf(pageId).stream().map(ReviewJson::of).toList();
    }

    @GET
    @Path("reviews/dashboard")
    @RolesAllowed({"EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    public ReviewDashboard.View dashboard() {
        return dashboard.view();
    }

    @POST
    @Path("reviews/scan")
    @RolesAllowed("ADMIN")
    public ReviewScanner.Result scanNow() {
        return scanner.scan();
    }
}
