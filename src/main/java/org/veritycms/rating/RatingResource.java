package org.veritycms.rating;

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
import java.util.Optional;
import org.veritycms.shared.ProblemException;
import org.veritycms.shared.ClientAddresses;
import org.veritycms.shared.RateLimits;

/** Readers rate a page with the plain HTML form, then go back to the page with a thank-you. */
@Path("/")
public class RatingResource {

    @Inject
    RatingService ratings;

    @Inject
    RatingRequests requests;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @POST
    @Path("{topic: [a-z0-9]+(?:-[a-z0-9]+)*}/{slug: [a-z0-9]+(?:-[a-z0-9]+)*}/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rateByForm(@PathParam("topic") String topic, @PathParam("slug") String slug,
            @FormParam("stars") String stars, @FormParam("feedback") String feedback) {
        String reader = requests.readerId(headers).orElseThrow(() -> ProblemException.badRequest("no-reader",
                "Your browser did not send the cookie this form needs. Reload the page and try again."));
        String address = addresses.of(request);
        limits.checkReader("rating", Optional.of(reader), address);
        ratings.rate(slug, new RatingService.Voter(reader, addresses.hash(address)), RatingRequests.stars(stars),
                RatingRequests.feedback(feedback));
        return Response.seeOther(URI.create("/" + topic + "/" + slug + "?rated=1#rating")).build();
    }
}
