package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.ServerNodes;
import org.veritycms.testing.TcpProxy;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestPages;

/**
 * The database goes away under a node: first every connection is killed ({@code pg_terminate_backend}),
 * then the network to it is cut as a restart does (open connections closed, new ones refused) and
 * later restored. Readers keep the pages the node has rendered; writes answer 503 problem+json with
 * {@code Retry-After} within seconds, never 500 and never a hang; the node recovers by itself once
 * the database is back; and every vote answered 2xx is in the database, the tally equal to the rows.
 * PostgreSQL pass only: the node reaches the database through a relay the test controls.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The longest any answer may take while the database is away: the pools wait 5 s for a connection. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.verity(TestFixtures.class, TestAccounts.class, TestPages.class);
    }

    @Test
    void readersKeepTheirPagesWritesAnswer503AndTheNodeRecoversByItselfLosingNoVote() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("VERITY_DB_DRIVER")), "runs on the PostgreSQL pass only");
        URI database = URI.create(System.getenv("VERITY_DB_URL").substring("jdbc:".length()));
        RemoteFixtures.PageRef page = RemoteFixtures.page(false);
        String application = "verity-outage-" + RUN;
        try (TcpProxy relay = new TcpProxy(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort());
                ServerNodes nodes = new ServerNodes(RUN); Connection sql = connect()) {
            ServerNodes.Node node = nodes.start("outage", 270, Map.of(
                    "VERITY_DB_URL", "jdbc:postgresql://127.0.0.1:" + relay.port() + database.getPath()
                            + "?ApplicationName=" + application,
                    "VERITY_SCHEDULER_ENABLED", "false",
                    "VERITY_RATE_LIMIT_PUBLIC_WRITES", "1000000",
                    "VERITY_RATE_LIMIT_RATING", "1000000",
                    "VERITY_RATE_LIMIT_COOKIELESS", "1000000",
                    "VERITY_RATE_LIMIT_PER_NETWORK", "1000000"));
            ServerNodes.awaitUp(node, Duration.ofSeconds(180));
            assertEquals(200, read(node, page.url()).statusCode(), "the page is rendered, and kept, on the node");
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(vote(node, page.slug(), i).statusCode());
            }
            assertEquals(List.of(201), answers.stream().distinct().toList(), "votes are taken while the database is up");

            try (PreparedStatement kill = sql.prepareStatement(
                    "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
                kill.setString(1, application);
                try (ResultSet killed = kill.executeQuery()) {
                    killed.next();
                    assertTrue(killed.getLong(1) > 0, "the node's connections were found and killed");
                }
            }
            for (int i = 10; i < 20; i++) {
                HttpResponse<String> r = vote(node, page.slug(), i);
                assertTrue(r.statusCode() == 201 || r.statusCode() == 503, "after the kill: " + r.statusCode() + " " + r.body());
                answers.add(r.statusCode());
            }
            assertEquals(201, vote(node, page.slug(), 20).statusCode(), "killed connections are replaced, not reused");
            answers.add(201);
            assertEquals(200, read(node, page.url()).statusCode(), "the page, with its new count, is rendered and kept again");

            relay.cut();
            for (int i = 21; i < 31; i++) {
                Instant asked = Instant.now();
                HttpResponse<String> reading = read(node, page.url());
                assertEquals(200, reading.statusCode(), "a reader still gets the page the node has");
                HttpResponse<String> voting = vote(node, page.slug(), i);
                Duration took = Duration.between(asked, Instant.now());
                assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "answered in " + took.toMillis() + " ms");
                assertEquals(503, voting.statusCode(), voting.body());
                assertEquals("application/problem+json", voting.headers().firstValue("Content-Type").orElse(""));
                assertTrue(voting.headers().firstValue("Retry-After").isPresent(), "says when to try again");
                answers.add(voting.statusCode());
            }
            HttpResponse<String> uncached = read(node, "/" + page.topic() + "/not-cached-" + RUN);
            assertTrue(uncached.statusCode() == 503 || uncached.statusCode() == 404, "a page not held: " + uncached.statusCode());

            relay.restore();
            Instant back = Instant.now();
            int recovered = 0;
            for (int i = 31; recovered == 0; i++) {
                HttpResponse<String> r = vote(node, page.slug(), i);
                assertTrue(r.statusCode() == 201 || r.statusCode() == 503, "while recovering: " + r.statusCode() + " " + r.body());
                answers.add(r.statusCode());
                recovered = r.statusCode() == 201 ? 1 : 0;
                assertTrue(Duration.between(back, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0,
                        "the node takes votes again within seconds of the database's return, without a restart");
            }
            long accepted = answers.stream().filter(s -> s == 201).count();
            assertEquals(accepted, count(sql, "select count(*) from rating r join page p on p.id = r.page_id where p.slug = ?",
                    page.slug()), "every vote answered 201 is in the database, and only those");
            assertEquals(accepted, count(sql, "select coalesce(sum(t.total), 0) from rating_tally t join page p on p.id = t.page_id"
                    + " where p.slug = ?", page.slug()), "the tally equals the rows");
        }
    }

    private static HttpResponse<String> read(ServerNodes.Node node, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept", "text/html")
                .timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A vote from a new reader (no cookie), so each accepted vote is one row. */
    private static HttpResponse<String> vote(ServerNodes.Node node, String slug, int i) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/pages/" + slug + "/ratings")))
                .header("Content-Type", "application/json").header("Accept", "application/json").timeout(ANSWER_WITHIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"stars\":" + (1 + i % 5) + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("VERITY_DB_URL"), System.getenv("VERITY_DB_USER"),
                System.getenv("VERITY_DB_PASSWORD"));
    }

    private static long count(Connection db, String query, String param) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(query)) {
            q.setString(1, param);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
