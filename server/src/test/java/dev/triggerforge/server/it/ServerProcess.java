package dev.triggerforge.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code quarkus-run.jar}) run as a separate JVM, the way production runs it: started with
 * system properties, awaited on {@code /q/health/ready}, stopped gracefully or killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux). Its output goes to a log file, appended across restarts.
 */
public final class ServerProcess implements AutoCloseable {

    /** The system property that names the jar; failsafe and the benchmark profile set it. */
    public static final String JAR_PROPERTY = "triggerforge.server.jar";
    /** The first admin's token of every server a test starts (handed in as the bootstrap token). */
    public static final String ADMIN_TOKEN = "it-admin-token-not-for-production";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;

    private ServerProcess(Path jar, int port, Map<String, String> properties, List<String> jvmOptions, Path log) {
        this.jar = jar;
        this.port = port;
        this.properties = properties;
        this.jvmOptions = jvmOptions;
        this.log = log;
    }

    /** The jar named by {@value #JAR_PROPERTY}, else the one the Quarkus build leaves in the server module. */
    public static Path defaultJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = configured != null ? Path.of(configured)
                : Files.isDirectory(Path.of("server")) ? Path.of("server/target/quarkus-app/quarkus-run.jar")
                : Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("server jar " + jar.toAbsolutePath() + " not found: build it first with "
                    + "./mvnw -B -q install -DskipTests, or set -D" + JAR_PROPERTY);
        }
        return jar.toAbsolutePath();
    }

    /** A port nobody listens on at this moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady}). */
    public ServerProcess start() {
        if (isAlive()) {
            throw new IllegalStateException("server already running, pid " + process.pid());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "\n===== start " + java.time.Instant.now() + ": " + String.join(" ", command)
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early, with the log's tail, if the JVM exits. */
    public Duration awaitReady(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + " before it was ready; "
                        + "log " + log.toAbsolutePath() + ":\n" + logTail(40));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server", e);
            }
            sleep(100);
        }
        throw new IllegalStateException("server not ready within " + timeout + "; log " + log.toAbsolutePath()
                + ":\n" + logTail(40));
    }

    /** SIGKILL: no shutdown hook, no last commit, no acknowledgement. Returns once the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    public void stop(Duration grace) {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        if (!waitExit(grace)) {
            kill();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public int port() {
        return port;
    }

    /** The server's resident memory in MB, from {@code /proc}. */
    public double residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    public Path log() {
        return log;
    }

    /** GET a path of the server's HTTP interface as the test admin; the body (an exception on anything but 200). */
    public String get(String path) {
        return send("GET", path, null, 200);
    }

    /** POST a JSON body (or nothing) as the test admin; the body (an exception on another status than expected). */
    public String post(String path, String json, int expected) {
        return send("POST", path, json, expected);
    }

    private String send(String method, String path, String json, int expected) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The Prometheus metrics, parsed. */
    public Prometheus metrics() {
        return Prometheus.parse(get("/q/metrics"));
    }

    /** The last lines of the log file. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    private boolean waitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Collects what a server start needs; {@link #build()} fixes the port. */
    public static final class Builder {
        private Path jar;
        private int port;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private Path log = Path.of("target/server.log");

        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        public Builder jvmOption(String option) {
            if (option != null && !option.isBlank()) {
                jvmOptions.add(option.trim());
            }
            return this;
        }

        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        /** PostgreSQL database {@code db} and the real RabbitMQ, with the given exchange and queue names. */
        public Builder services(Services services, String db, Services.Names names) {
            property("triggerforge.database", "postgresql");
            property("quarkus.datasource.postgresql.jdbc.url", services.jdbcUrl(db) + "?reWriteBatchedInserts=true");
            property("quarkus.datasource.postgresql.username", services.pgUser());
            property("triggerforge.broker.embedded", "false");
            property("triggerforge.broker.host", services.amqpHost());
            property("triggerforge.broker.port", services.amqpPort());
            property("triggerforge.events.exchange", names.exchange());
            property("triggerforge.events.queue", names.queue());
            property("triggerforge.events.dead-letter-exchange", names.deadLetterExchange());
            property("triggerforge.events.dead-letter-queue", names.deadLetterQueue());
            property("triggerforge.control.exchange", names.exchange() + ".control");
            property("triggerforge.security.bootstrap-token", ADMIN_TOKEN);
            return this;
        }

        public ServerProcess build() {
            return new ServerProcess(jar == null ? defaultJar() : jar, port == 0 ? freePort() : port,
                    new LinkedHashMap<>(properties), List.copyOf(jvmOptions), log);
        }
    }
}
