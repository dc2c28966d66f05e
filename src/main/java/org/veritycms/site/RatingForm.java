package org.veritycms.site;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.veritycms.account.ReaderForm;
import org.veritycms.rating.RatingRequests;
import org.veritycms.rating.RatingService;
import org.veritycms.rating.VoteQueue;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.ReaderTokens;

/**
 * Readers rate a page with the plain HTML form, then go back to the page at the address that
 * thanks them. A reader's first rating gives them the reader cookie that keeps it theirs.
 */
@Path("/")
public class RatingForm {

    @Inject
    VoteQueue votes;

    @Inject
    Visitors visitors;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @POST
    @ReaderForm
    @Path("{topic: [a-z0-9]+(?:-[a-z0-9]+)*}/{slug: [a-z0-9]+(?:-[a-z0-9]+)*}/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rateByForm(@PathParam("topic") String topic, @PathParam("slug") String slug,
            @FormParam("stars") String stars, @FormParam("feedback") String feedback) {
        ReaderTokens.Reader writer = visitors.writer(headers);
        String address = addresses.of(request);
        votes.rate(new RatingService.Ballot(slug, new RatingService.Voter(writer.id(), addresses.hash(address)),
                RatingRequests.stars(stars), RatingRequests.feedback(feedback)), writer.knownId(), address);
        return visitors.answer(writer, Response.seeOther(URI.create(SiteViews.pageUrl(topic, slug) + "?rated=1#rating")),
                request).build();
    }
}
