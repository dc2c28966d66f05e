package org.veritycms.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.veritycms.testing.ServerNodes;

/**
 * Two WildFly nodes, each with its own base directory and port offset (above the build's own
 * {@code verity.port.offset}), on one PostgreSQL database: the clustered scheduler runs the review
 * scan on one node at a time, a reminder is mailed exactly once, and when a node stops the survivor
 * carries on; a change made on one node is what the other serves at once. PostgreSQL pass only.
 */
class ClusterIT {

    static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The nodes' port offsets, relative to the build's, so that builds side by side do not collide. */
    static final int OFFSET_A = Integer.getInteger("verity.port.offset", 0) + 250;
    static final int OFFSET_B = OFFSET_A + 10;

    final ServerNodes nodes = new ServerNodes(RUN);

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void eachReminderIsMailedOnceAndTheSurvivorTakesOver() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("VERITY_DB_DRIVER")), "runs on the PostgreSQL pass only");
        String email = "cluster-" + RUN + "@example.test";
        String slug = "cluster-" + RUN;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ServerNodes.Node a = startNode("a", OFFSET_A);
        ServerNodes.Node b = startNode("b", OFFSET_B);
        ServerNodes.awaitUp(a, Duration.ofSeconds(300));
        ServerNodes.awaitUp(b, Duration.ofSeconds(300));

        try (Connection db = connect()) {
            insertPageDueIn60Days(db, slug, email, today);
            await(() -> count(db, "select count(*) from notification where recipient = ? and status = 'SENT'", email) == 1,
                    Duration.ofSeconds(150), "the reminder digest is sent");
            assertEquals(1, count(db, "select count(*) from review_reminder r join page p on p.id = r.page_id where p.slug = ?", slug));
            assertEquals(1, count(db, "select count(*) from notification where recipient = ?", email));
            assertTrue(emlFilesTo(email, a.base(), b.base()) <= 1, "never two mails for one reminder");

            Instant stopped = Instant.now();
            nodes.stop(a);
            // a node stopped in the middle of a scan holds its trigger until the survivor finds it gone
            // (Quartz's check-in every 10 s, plus its grace), and three servers share two cores here
            await(() -> count(db, "select count(*) from job_run where job = 'review-scan' and node = 'cluster-b-" + RUN
                    + "' and outcome = 'SUCCEEDED' and started_at > ?", stopped) >= 2, Duration.ofSeconds(180),
                    () -> "the surviving node keeps running the scan; " + schedulerState(db, b));
            assertEquals(1, count(db, "select count(*) from notification where recipient = ?", email), "and sends nothing twice");
        }
    }

    @Test
    void anEditAndAWithdrawalOnOneNodeAreServedByTheOtherWithinASecond() throws Exception {
        assumeTrue("postgresql".equals(System.getenv("VERITY_DB_DRIVER")), "runs on the PostgreSQL pass only");
        int portA = 8080 + OFFSET_A;
        int portB = 8080 + OFFSET_B;
        ServerNodes.awaitUp(startNode("a", OFFSET_A), Duration.ofSeconds(300));
        ServerNodes.awaitUp(startNode("b", OFFSET_B), Duration.ofSeconds(300));
        String slug = "cluster-edit-" + RUN;
        String path = "/exercise/" + slug;
        try (Connection db = connect()) {
            ClusterEditorial editorial = new ClusterEditorial(db, RUN);
            editorial.publish(portA, slug);
            await(() -> page(portB, path).body().contains("Stop if pain gets worse."), Duration.ofSeconds(5),
                    "node B serves the new page");
            assertTrue(page(portB, path).body().contains("Stop if pain gets worse."), "and keeps it in its cache");

            editorial.correct(portA, slug, ClusterEditorial.BODY.replace("Stop if pain gets worse.", "Stop if the pain gets worse."));
            awaitQuickly(() -> page(portB, path).body().contains("Stop if the pain gets worse."), "node B serves the correction");

            editorial.withdraw(portA, slug);
            awaitQuickly(() -> page(portB, path).statusCode() == 410, "node B answers 410 for the withdrawn page");
        }
    }

    private static HttpResponse<String> page(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls for a change another node made: it must show within a second of the change's commit. */
    private static void awaitQuickly(Check check, String what) throws Exception {
        Instant end = Instant.now().plusSeconds(1);
        while (!check.holds()) {
            assertTrue(Instant.now().isBefore(end), "not within a second: " + what);
            Thread.sleep(50);
        }
    }

    /** A node of the test's cluster: its own scheduler name, and the review scan every five seconds. */
    private ServerNodes.Node startNode(String name, int offset) throws IOException {
        return nodes.start("cluster-" + name, offset, Map.of("VERITY_SCHEDULER_NAME", "verity-cluster-" + RUN,
                "VERITY_REVIEW_SCAN_CRON", "0/5 * * * * ?"));
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for something the cluster does on its own schedule (a scheduler, not a clock rule). */
    private static void await(Check check, Duration limit, String what) throws Exception {
        await(check, limit, () -> what);
    }

    private static void await(Check check, Duration limit, java.util.function.Supplier<String> what) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (!check.holds()) {
            if (!Instant.now().isBefore(end)) {
                fail("timed out waiting until " + what.get());
            }
            Thread.sleep(500);
        }
    }

    /** What the cluster's scheduler and its last scans looked like, for a failure's message. */
    private static String schedulerState(Connection db, ServerNodes.Node survivor) {
        StringBuilder out = new StringBuilder();
        try {
            rows(db, "select node, outcome, started_at, finished_at, message from job_run where job = 'review-scan'"
                    + " and node like 'cluster-%" + RUN + "' order by started_at desc limit 8", out.append("last scans: "));
            rows(db, "select trigger_name, trigger_state, next_fire_time from qrtz_triggers where sched_name = 'verity-cluster-"
                    + RUN + "'", out.append("; triggers: "));
            rows(db, "select instance_name, last_checkin_time from qrtz_scheduler_state where sched_name = 'verity-cluster-"
                    + RUN + "'", out.append("; nodes: "));
            rows(db, "select instance_name, trigger_name, state from qrtz_fired_triggers where sched_name = 'verity-cluster-"
                    + RUN + "'", out.append("; fired: "));
            Path log = survivor.base().resolve("log/server.log");
            if (Files.exists(log)) {
                out.append("; survivor's last warnings:");
                List<String> warnings = Files.readAllLines(log).stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                        .toList();
                warnings.subList(Math.max(0, warnings.size() - 6), warnings.size()).forEach(l -> out.append(" | ").append(l));
            }
        } catch (SQLException | IOException e) {
            out.append(" (could not read: ").append(e).append(')');
        }
        return out.toString();
    }

    private static void rows(Connection db, String sql, StringBuilder out) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.append('[');
                for (int i = 1; i <= columns; i++) {
                    out.append(i > 1 ? ", " : "").append(rs.getString(i));
                }
                out.append(']');
            }
        }
    }

    private static long emlFilesTo(String email, Path... bases) throws IOException {
        long found = 0;
        for (Path base : bases) {
            Path mail = base.resolve("data/verity/mail");
            if (Files.isDirectory(mail)) {
                try (Stream<Path> files = Files.list(mail)) {
                    for (Path f : files.toList()) {
                        if (Files.readString(f).contains(email)) {
                            found++;
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("VERITY_DB_URL"), System.getenv("VERITY_DB_USER"),
                System.getenv("VERITY_DB_PASSWORD"));
    }

    private static long count(Connection db, String sql, Object param) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            if (param instanceof Instant i) {
                q.setTimestamp(1, java.sql.Timestamp.from(i));
            } else {
                q.setString(1, param.toString());
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertPageDueIn60Days(Connection db, String slug, String email, LocalDate today) throws SQLException {
        String owner = "cluster-owner-" + RUN;
        try (PreparedStatement account = db.prepareStatement("insert into account (id, username, display_name, email,"
                + " password_hash, enabled, failed_sign_ins, created_at, version) values (nextval('account_seq'), ?, ?, ?,"
                + " 'none', true, 0, now(), 0)")) {
            account.setString(1, owner);
            account.setString(2, "Cluster owner");
            account.setString(3, email);
            account.executeUpdate();
        }
        try (PreparedStatement page = db.prepareStatement("insert into page (id, slug, topic_id, title, summary, body_markdown,"
                + " body_html, risk_tier, owner, comment_policy, status, last_reviewed_on, next_review_due,"
                + " effective_review_due, created_at, updated_at, published_at, content_hash, version, working_revision,"
                + " latest_revision, live_revision) values"
                + " (nextval('page_seq'), ?, (select id from topic where slug = 'exercise'), 'Cluster page', 'For the cluster test.',"
                + " '## When to get help', '<h2>When to get help</h2>', 'STANDARD', ?, 'CLOSED', 'PUBLISHED', ?, ?, ?,"
                + " now(), now(), now(), 'x', 0, 1, 1, 1)")) {
            page.setString(1, slug);
            page.setString(2, owner);
            page.setObject(3, today.minusYears(2));
            page.setObject(4, today.plusDays(60));
            page.setObject(5, today.plusDays(60));
            page.executeUpdate();
        }
    }
}
