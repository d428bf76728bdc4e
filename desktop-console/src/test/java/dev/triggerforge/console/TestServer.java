package dev.triggerforge.console;

import dev.triggerforge.console.connection.ServerClient;
import dev.triggerforge.console.connection.ServerProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real TriggerForge server on its embedded defaults (in-process AMQP broker, H2 in a scratch folder), started once
 * per test JVM from the packaged {@code quarkus-run.jar} and stopped when the JVM exits. It runs as a child process
 * because Quarkus boots its own class loaders, which do not share a JVM with the JavaFX test runtime.
 */
public final class TestServer {

    /** The admin token the test server is started with. */
    public static final String ADMIN_TOKEN = "console-test-admin-token";
    /** Learning periods of seconds instead of an hour, so the Optimization screen has periods to show at once. */
    public static final String OPTIMIZATION_PERIOD = "5s";
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static TestServer shared;

    private final Process process;
    private final URI url;
    private final Path log;

    private TestServer(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** The one server of this JVM, started on first use. */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    public URI url() {
        return url;
    }

    /** A client signed in as the first admin. */
    public ServerClient client() {
        return new ServerClient(new ServerProfile("test server", url, "", ServerProfile.SecretKind.TOKEN),
                ADMIN_TOKEN);
    }

    private static TestServer start() {
        Path jar = Path.of(System.getProperty("triggerforge.server.jar", "../server/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the server jar " + jar.toAbsolutePath() + " is missing: build the server "
                    + "first (./mvnw -B -q install -DskipTests)");
        }
        try {
            Path data = Files.createTempDirectory("triggerforge-console-it");
            Path log = Path.of("target", "test-server.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            int port = freePort();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-Dtriggerforge.data-dir=" + data, "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port, "-Dtriggerforge.broker.port=" + freePort(),
                    "-Dtriggerforge.security.bootstrap-token=" + ADMIN_TOKEN,
                    "-Dtriggerforge.optimization.period=" + OPTIMIZATION_PERIOD,
                    "-Dtriggerforge.optimization.check-every=1s", "-jar", jar.toAbsolutePath().toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            TestServer server = new TestServer(process, URI.create("http://127.0.0.1:" + port), log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test server", e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the test server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(url.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the test server started", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the test server started", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the test server was not ready within " + START_LIMIT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
