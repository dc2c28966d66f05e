package org.veritycms.rating;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.veritycms.page.Page;
import org.veritycms.page.PageRepository;
import org.veritycms.shared.Problem;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.ReaderTokens;
import org.veritycms.shared.SecureRequests;

/** The ratings API: summaries for anyone, votes as JSON, and readers' notes and flags for editors. */
@Path("/api/v1")
public class RatingApi {

    /**
     * A rating sent as JSON. {@link RatingRequests} checks it as it checks the form: {@code stars} a
     * whole number from 1 to 5 (required), {@code feedback} at most 1000 characters.
     */
    public record RatingRequest(
            @Schema(required = true, type = SchemaType.INTEGER, minimum = "1", maximum = "5",
                    description = "How helpful the page was, from 1 to 5 stars") Object stars,
            @Schema(maxLength = RatingRequests.MAX_FEEDBACK,
                    description = "What was wrong with the page; kept (for editors only) with a rating of 1 or 2 stars")
            String feedback) {
    }

    /** A summary as the API shows it. */
    public record SummaryJson(int count, Double average, List<Integer> distribution, boolean averageShown) {
    }

    /** Both summaries of a page. */
    public record Ratings(String slug, LocalDate cycleStart, SummaryJson currentCycle, SummaryJson allTime) {
    }

    /** What a vote did. */
    public record VoteJson(String outcome, SummaryJson currentCycle) {
    }

    /** A flagged page. */
    public record FlagJson(String slug, String title, String cycleStart, String flaggedAt, int lowSharePercent, String reason) {
    }

    /** A vote not written by then is answered 503; it may still be written, and a retry replaces it. */
    private static final long ANSWER_WITHIN_SECONDS = 30;

    @Inject
    RatingService ratings;

    @Inject
    FeedbackTrigger trigger;

    @Inject
    RatingDisplay display;

    @Inject
    ReaderTokens readers;

    @Inject
    VoteQueue votes;

    @Resource
    ManagedExecutorService answering;

    @Inject
    ClientAddresses addresses;

    @Inject
    PageRepository pages;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @GET
    @Path("pages/{slug}/ratings")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "The page's ratings this review cycle and all time")
    @APIResponse(responseCode = "410", description = "The page has been withdrawn")
    public Ratings summary(@PathParam("slug") String slug) {
        Page page = ratings.rateable(slug);
        LocalDate cycle = RatingService.cycleOf(page);
        return new Ratings(slug, cycle, json(ratings.summary(page.id(), cycle, false)), json(ratings.summary(page.id(), cycle, true)));
    }

    @POST
    @Path("pages/{slug}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The reader's first rating of the page this review cycle",
            headers = @Header(name = "Set-Cookie", description = "The reader cookie, when the request had none",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteJson.class)))
    @APIResponse(responseCode = "200", description = "The rating replaced the reader's earlier one this review cycle",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteJson.class)))
    @APIResponse(responseCode = "409", description = "The rating crossed with another from the same reader: send it again")
    @APIResponse(responseCode = "410", description = "The page has been withdrawn")
    @APIResponse(responseCode = "429", description = "Too many ratings from this reader; Retry-After says when to try again")
    public void rateByJson(@PathParam("slug") String slug, @RequestBody(required = true) RatingRequest body,
            @Suspended AsyncResponse async) {
        if (body == null) {
            throw ProblemException.invalid("Send a JSON object with 'stars' from 1 to 5.",
                    List.of(new Problem.FieldError("stars", "is required")));
        }
        Cookie cookie = headers.getCookies().get(ReaderTokens.COOKIE);
        ReaderTokens.Reader reader = readers.knownOrNew(cookie == null ? null : cookie.getValue());
        String address = addresses.of(request);
        Stars stars = RatingRequests.stars(body.stars() == null ? null : body.stars().toString().replaceAll("\\.0$", ""));
        String feedback = RatingRequests.feedback(body.feedback());
        Optional<NewCookie> newCookie = reader.newToken().map(token -> readers.cookie(token, SecureRequests.isSecure(request)));
        votes.submit(new RatingService.Ballot(slug, new RatingService.Voter(reader.id(), addresses.hash(address)), stars, feedback),
                reader.knownId(), address).whenCompleteAsync((vote, refused) -> {
                    if (refused != null) {
                        async.resume(VoteQueue.refusal(refused));
                        return;
                    }
                    Response.ResponseBuilder response = Response.status(vote.outcome().status())
                            .type(MediaType.APPLICATION_JSON_TYPE).entity(answer(vote, display));
                    newCookie.ifPresent(response::cookie);
                    async.resume(response.build());
                }, answering); // the thread writing votes does not wait on a client's connection
    }

    @GET
    @Path("pages/{slug}/feedback")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"AUTHOR", "EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    @Transactional
    public List<RatingService.Feedback> feedback(@PathParam("slug") String slug, @QueryParam("limit") Integer limit) {
        Page page = pages.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no page '" + slug + "'."));
        return ratings.feedback(page.id(), limit == null ? 100 : Math.max(1, Math.min(limit, 500)));
    }

    @GET
    @Path("ratings/flagged")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"EDITOR", "CLINICAL_REVIEWER", "ADMIN"})
    @Transactional
    public List<FlagJson> flagged() {
        return trigger.flaggedPages().stream().map(f -> new FlagJson(f.slug(), f.title(), f.cycleStart().toString(),
                f.flaggedAt().toString(), f.lowSharePercent(), f.reason())).toList();
    }

    private SummaryJson json(RatingSummary s) {
        return json(s, display);
    }

    private static SummaryJson json(RatingSummary s, RatingDisplay display) {
        boolean shown = display.showsAverage(s);
        return new SummaryJson(s.count(), shown ? s.average() : null, s.distribution(), shown);
    }

    /** What the reader is told of their vote. */
    public static VoteJson answer(RatingService.Vote vote, RatingDisplay display) {
        return new VoteJson(vote.outcome().name(), json(vote.currentCycle(), display));
    }




}
