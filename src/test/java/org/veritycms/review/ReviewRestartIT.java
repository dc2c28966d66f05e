package org.veritycms.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.TestAccounts;

/** Restarting the application between scans sends no reminder twice. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewRestartIT {

    static final String APP = "verity";

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, ReviewFixtures.class, RestartProbe.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void aRestartBetweenScansSendsNothingTwice() {
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        String email = "restart-" + run + "@example.test";
        deployer.deploy(APP);
        try {
            assertEquals(200, Http.post("/test/review/setup/restart-" + run + "/" + email, "text/plain", "").statusCode());
            assertEquals("1/0", body("/test/review/run/2032-01-01/" + email), "D60 queued (no SMTP server listening)");
        } finally {
            deployer.undeploy(APP);
        }
        deployer.deploy(APP);
        try {
            assertEquals("1/0", body("/test/review/run/2032-01-01/" + email), "the same day after a restart adds nothing");
            assertEquals("1/0", body("/test/review/run/2032-01-02/" + email), "nor the next day, in the same stage");
            assertEquals("2/0", body("/test/review/run/2032-01-31/" + email), "the next stage, once");
        } finally {
            deployer.undeploy(APP);
        }
    }

    private static String body(String path) {
        var response = Http.post(path, "text/plain", "");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

}
