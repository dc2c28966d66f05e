package org.veritycms.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.RemoteFixtures;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestFixtures;
import org.veritycms.testing.TestPages;

/**
 * sqlmap (Debian's package) against every query and path parameter of the public search, the
 * public and management API lists and the moderation queue, on 127.0.0.1 only, each run bounded
 * in time: it must find nothing injectable.
 */
@ExtendWith(ArquillianExtension.class)
class SqlInjectionIT {

    static final Path SQLMAP = Path.of("/usr/bin/sqlmap");
    static final long SECONDS_PER_TARGET = 150;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.verity(TestFixtures.class, TestAccounts.class, TestPages.class);
    }

    @Test
    void sqlmapFindsNothingInjectable() throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(Files.isExecutable(SQLMAP), "sqlmap is not installed (.ci/run installs it)");
        }
        assertTrue(Http.base().startsWith("http://127.0.0.1:"), "attacks go to this machine only");
        RemoteFixtures.PageRef page = RemoteFixtures.richPage(); // readable, in its topic, found by "back"
        RemoteFixtures.Login staff = RemoteFixtures.account("AUTHOR,EDITOR,CLINICAL_REVIEWER,MODERATOR,ADMIN");
        String basic = "Authorization: " + staff.basic();
        String session = "Cookie: " + Sessions.signIn(staff.username());
        List<List<String>> targets = List.of(
                List.of("-u", Http.base() + "/search?q=back&topic=" + page.topic() + "&page=1"),
                List.of("-u", Http.base() + "/api/v1/pages?topic=" + page.topic()),
                List.of("-u", Http.base() + "/api/v1/pages/" + page.slug() + "*"),
                List.of("-u", Http.base() + "/api/v1/editorial/pages?topic=exercise&status=DRAFT&review=DUE&owner=tests&offset=0",
                        "-H", basic),
                List.of("-u", Http.base() + "/api/v1/audit?actor=tests&action=page.save&subject=x&subjectType=page", "-H", basic),
                List.of("-u", Http.base() + "/admin/moderation?status=open&reason=links&page=" + page.slug(), "-H", session));
        Path out = Path.of(System.getProperty("verity.build.dir", "target"), "sqlmap");
        List<String> findings = new ArrayList<>();
        int run = 0;
        for (List<String> target : targets) {
            run++;
            List<String> command = new ArrayList<>(List.of(SQLMAP.toString(), "--batch", "--level=1", "--risk=1",
                    "--flush-session", "--disable-coloring", "--timeout=10", "--retries=0", "--time-sec=1",
                    "--output-dir=" + out));
            command.addAll(target);
            Process sqlmap = new ProcessBuilder(command).redirectErrorStream(true).start();
            sqlmap.getOutputStream().close();
            byte[] output;
            boolean done;
            try (var in = sqlmap.getInputStream()) {
                done = sqlmap.waitFor(SECONDS_PER_TARGET, TimeUnit.SECONDS);
                if (!done) {
                    sqlmap.destroyForcibly();
                }
                output = in.readAllBytes();
            }
            String log = new String(output, StandardCharsets.UTF_8);
            Files.createDirectories(out);
            Files.writeString(out.resolve("sqlmap-" + run + ".log"), log);
            if (log.contains("is vulnerable") || log.contains("appears to be") && log.contains("injectable")
                    && !log.contains("do not appear to be injectable") || log.contains("sqlmap identified the following injection")) {
                findings.add(target.get(1) + ": " + log.lines().filter(l -> l.contains("injectable")).toList());
            }
            if (!log.contains("do not appear to be injectable") && done) {
                findings.add(target.get(1) + ": sqlmap did not finish its tests: "
                        + log.lines().filter(l -> l.contains("CRITICAL") || l.contains("ERROR")).toList());
            }
        }
        assertEquals(List.of(), findings);
    }
}
