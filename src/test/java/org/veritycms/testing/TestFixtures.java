package org.veritycms.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.page.CommentPolicy;
import org.veritycms.shared.VerityClock;

/**
 * Fixtures for tests that run outside the server (a real browser, attack tools): accounts and
 * pages made in the server on request, and the server's clock moved forward instead of waiting.
 * This resource exists only in test deployments.
 */
@Path("/test-fixtures")
@Produces(MediaType.APPLICATION_JSON)
public class TestFixtures {

    @Inject
    TestAccounts accounts;

    @Inject
    TestPages pages;

    @Inject
    VerityClock clock;

    /** A new account with the given roles (comma-separated); answers its username and password. */
    @POST
    @Path("accounts")
    @PermitAll
    public Map<String, String> account(@QueryParam("roles") String roles) {
        Role[] granted = roles == null || roles.isBlank() ? new Role[0]
                : Arrays.stream(roles.split(",")).map(String::strip).map(Role::valueOf).toArray(Role[]::new);
        Account account = accounts.create(granted);
        return Map.of("username", account.username(), "password", TestAccounts.PASSWORD);
    }

    /**
     * A new published page open to comments, with today's dates by the server's clock; answers its
     * address parts. A rich page ({@link TestPages#publishRich}) has media due before it, sources
     * and related pages; otherwise the page is text only.
     */
    @POST
    @Path("pages")
    @PermitAll
    public Map<String, String> page(@QueryParam("withdrawn") boolean withdrawn, @QueryParam("rich") boolean rich) {
        TestPages.TestPage page = rich ? pages.publishRich() : pages.publish(CommentPolicy.POSTMODERATED);
        if (withdrawn) {
            pages.withdraw(page);
        }
        return Map.of("topic", page.topic(), "slug", page.slug(), "url", page.url());
    }

    /** Moves the server's clock forward by some seconds (at most a day); answers the server's time now. */
    @POST
    @Path("clock/advance")
    @PermitAll
    public Map<String, String> advanceClock(@QueryParam("seconds") long seconds) {
        if (seconds < 0 || seconds > 86_400) {
            throw new jakarta.ws.rs.BadRequestException("seconds must be from 0 to 86400");
        }
        clock.advance(Duration.ofSeconds(seconds));
        return Map.of("now", clock.instant().toString());
    }
}
