package org.veritycms.review;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.veritycms.notification.NotificationDispatcher;
import org.veritycms.shared.VerityClock;
import org.veritycms.testing.TestAccounts;

/**
 * A test-only endpoint (it lives in the test archive, never in the application): sets up a page
 * due soon, or runs the scan and dispatch on a given day, and answers what the outbox holds for
 * the page's owner.
 */
@Path("/test/review")
@Produces(MediaType.TEXT_PLAIN)
public class RestartProbe {

    @Inject
    ReviewFixtures fixtures;

    @Inject
    TestAccounts accounts;

    @Inject
    ReviewScanner scanner;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    VerityClock clock;

    @POST
    @Path("setup/{slug}/{email}")
    public String setup(@PathParam("slug") String slug, @PathParam("email") String email) {
        var owner = accounts.createWithEmail(email, org.veritycms.account.Role.EDITOR);
        var author = accounts.create(org.veritycms.account.Role.AUTHOR);
        fixtures.publishedPage(slug, owner.username(), author.username(), LocalDate.of(2032, 12, 1), LocalDate.of(2032, 3, 1));
        return "ok";
    }

    @POST
    @Path("run/{day}/{email}")
    public String run(@PathParam("day") String day, @PathParam("email") String email) {
        java.util.Set<String> published = fixtures.published();
        clock.pin(LocalDate.parse(day));
        try {
            scanner.scan();
            dispatcher.dispatch();
            return fixtures.notificationsTo(email, "REVIEW_DIGEST") + "/" + fixtures.sentTo(email);
        } finally {
            clock.release();
            fixtures.republish(published);
        }
    }
}
