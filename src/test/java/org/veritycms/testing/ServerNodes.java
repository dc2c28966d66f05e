package org.veritycms.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Extra WildFly nodes a test starts beside the Arquillian server: each a copy of the provisioned
 * server's {@code standalone/} folder with the application deployed, its own port offset and data
 * folder, and the environment the test gives it. {@link #close()} stops them all.
 */
public final class ServerNodes implements AutoCloseable {

    static final Path BUILD = Path.of(System.getProperty("verity.build.dir", "target"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String run;
    private final List<Process> nodes = new ArrayList<>();

    public ServerNodes(String run) {
        this.run = run;
    }

    /** A started node: its process, base folder and HTTP port. */
    public record Node(Process process, Path base, int port, String id) {
        public String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /** Starts a node with the port offset given; the environment adds to (or, with a null value, removes from) the test's own. */
    public Node start(String name, int offset, Map<String, String> environment) throws IOException {
        Path server = BUILD.resolve("server");
        Path base = BUILD.resolve("nodes-" + run).resolve(name);
        copy(server.resolve("standalone"), base);
        withoutManagedDeployments(base.resolve("configuration/standalone.xml"));
        Files.copy(Path.of(System.getProperty("verity.war", BUILD.resolve("verity.war").toString())),
                base.resolve("deployments").resolve("verity.war"), StandardCopyOption.REPLACE_EXISTING);
        String id = name + "-" + run;
        ProcessBuilder pb = new ProcessBuilder(server.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.node.name=" + id);
        Map<String, String> env = pb.environment();
        env.remove("VERITY_MAIL_SMTP_HOST");
        env.remove("VERITY_MAIL_SMTP_PORT");
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        env.put("JAVA_OPTS", "-Xms128m -Xmx512m -Djava.net.preferIPv4Stack=true");
        env.put("VERITY_NODE_ID", id);
        env.put("VERITY_DATA_DIR", base.resolve("data/verity").toString());
        environment.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        pb.redirectErrorStream(true).redirectOutput(base.resolve("console.log").toFile());
        Process process = pb.start();
        nodes.add(process);
        return new Node(process, base, 8080 + offset, id);
    }

    /** Waits until the node serves its home page. */
    public static void awaitUp(Node node, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/"))).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            if (!node.process().isAlive() || Instant.now().isAfter(end)) {
                throw new IllegalStateException("node " + node.id() + " did not come up; see " + node.base().resolve("console.log"));
            }
            Thread.sleep(500);
        }
    }

    /** Kills the node at once ({@code kill -9} of its JVM): no shutdown, nothing flushed. */
    public void kill(Node node) throws InterruptedException {
        node.process().toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        node.process().destroyForcibly();
        node.process().waitFor();
        nodes.remove(node.process());
    }

    public void stop(Node node) {
        stop(node.process());
        nodes.remove(node.process());
    }

    private static void stop(Process node) {
        node.toHandle().descendants().forEach(ProcessHandle::destroy);
        node.destroy();
        try {
            node.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        nodes.forEach(ServerNodes::stop);
        nodes.clear();
    }

    /**
     * Drops the deployments the test server's management API recorded in its configuration (an
     * Arquillian deployment in progress): the node deploys the application from deployments/ only.
     */
    private static void withoutManagedDeployments(Path configuration) throws IOException {
        String xml = Files.readString(configuration);
        Files.writeString(configuration, xml.replaceAll("(?s)<deployments>.*?</deployments>", ""));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("data") || rel.startsWith("log") || rel.startsWith("tmp")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
