package dev.triggerforge.server.bench;

import dev.triggerforge.server.it.Prometheus;
import dev.triggerforge.server.it.ServerProcess;
import dev.triggerforge.server.it.Services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How long the packaged server takes to become ready and how much memory it holds when idle, on its embedded defaults
 * (first start on an empty data folder, then a restart on it) and on this machine's RabbitMQ and PostgreSQL:
 * {@code ./mvnw -B -pl server -Pbench-start verify}.
 */
public final class StartupBench {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        String jvm = System.getProperty("bench.serverJvm", "-Xmx2g");
        Path data = Files.createTempDirectory("tf-startup");
        System.out.println("| server | start | ready after s | heap used MB | heap committed MB | resident MB |");
        System.out.println("|---|---|---|---|---|---|");
        ServerProcess.Builder embedded = ServerProcess.builder().jvmOption(jvm).log(Path.of("target/bench/startup.log"))
                .property("triggerforge.data-dir", data).property("triggerforge.broker.port", ServerProcess.freePort())
                .property("triggerforge.security.bootstrap-token", ServerProcess.ADMIN_TOKEN);
        measure("embedded (Qpid, H2)", "first, empty folder", embedded.build());
        measure("embedded (Qpid, H2)", "restart", embedded.build());
        Services services = new Services();
        String db = Services.uniqueDatabase("tfstart");
        Services.Names names = Services.Names.unique("tfstart");
        services.recreateDatabase(db);
        try {
            measure("RabbitMQ, PostgreSQL", "first, empty database", ServerProcess.builder().jvmOption(jvm)
                    .log(Path.of("target/bench/startup.log")).services(services, db, names).build());
        } finally {
            services.deleteAll(names);
            services.dropDatabase(db);
        }
    }

    private static void measure(String server, String start, ServerProcess process) throws Exception {
        try (process) {
            Duration ready = process.start().awaitReady(LIMIT);
            Thread.sleep(5_000);
            Prometheus metrics = process.metrics();
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.0f | %.0f |%n", server, start,
                    ready.toMillis() / 1000.0, metrics.sum("jvm_memory_used_bytes", "area", "heap") / 1e6,
                    metrics.sum("jvm_memory_committed_bytes", "area", "heap") / 1e6, process.residentMb());
        }
    }
}
