package dev.triggerforge.server.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.server.it.ServerProcess;
import dev.triggerforge.server.it.Services;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether a running server holds a million active customers in 2 GB of heap: each customer views a product and adds
 * it to the cart (so a cart reminder waits in its session), published to RabbitMQ as fast as confirms allow while the
 * packaged server consumes them on PostgreSQL. The live heap (a class histogram, which runs a full GC first) before
 * and after gives the bytes per active customer: {@code ./mvnw -B -pl server -Pbench-customers verify}.
 */
public final class ActiveCustomersBench {

    private static final String PROCESSED = "triggerforge_events_processed_total";

    private final int customers = Integer.getInteger("bench.customers", 1_000_000);
    private final String serverJvm = System.getProperty("bench.serverJvm", "-Xmx2g");
    private final Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    private final Services services = new Services();

    public static void main(String[] args) throws Exception {
        new ActiveCustomersBench().run();
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        Services.Names names = Services.Names.unique("tfcustomers");
        String db = Services.uniqueDatabase("tfcustomers");
        services.recreateDatabase(db);
        try (Connection rabbit = services.rabbit("bench-customers")) {
            try (Channel setup = rabbit.createChannel()) {
                Services.declareLikeServer(setup, names);
            }
            ServerProcess.Builder builder = ServerProcess.builder().services(services, db, names)
                    .property("triggerforge.data-dir", out.resolve("customers-data").toAbsolutePath())
                    .log(out.resolve("customers-server.log"));
            for (String opt : serverJvm.split("\\s+")) {
                builder.jvmOption(opt);
            }
            try (ServerProcess server = builder.build()) {
                measure(server, rabbit, names);
            }
        } finally {
            services.deleteAll(names);
            services.dropDatabase(db);
        }
    }

    private void measure(ServerProcess server, Connection rabbit, Services.Names names) throws Exception {
        Duration ready = server.start().awaitReady(Duration.ofMinutes(3));
        Live idle = live(server.pid());
        System.out.printf(Locale.ROOT, "server ready in %.1f s (%s); live heap idle %.1f MB%n",
                ready.toMillis() / 1000.0, serverJvm, idle.bytes / 1e6);

        long start = System.nanoTime();
        long published = publish(rabbit, names);
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        double processed = 0;
        while (processed < published) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server died at " + (long) processed + " events:\n"
                        + server.logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (long) processed + " of " + published + " processed");
            }
            Thread.sleep(500);
            processed = server.metrics().sum(PROCESSED);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Live loaded = live(server.pid());
        double committed = server.metrics().sum("jvm_memory_committed_bytes", "area", "heap");

        System.out.println();
        System.out.println("| customers | events | published in s | processed in s | events/s | live heap idle MB "
                + "| live heap loaded MB | bytes per customer | heap committed MB | resident MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f | %.0f | %.0f |%n",
                customers, published, publishSeconds, seconds, published / seconds, idle.bytes / 1e6,
                loaded.bytes / 1e6, (loaded.bytes - idle.bytes) / (double) customers, committed / 1e6,
                server.residentMb());
        System.out.println();
        System.out.println("Largest classes in the loaded heap (jcmd GC.class_histogram):");
        loaded.top.forEach(line -> System.out.println("    " + line));
    }

    /** A view and a cart add per customer, all now, with publisher confirms every 5,000 messages. */
    private long publish(Connection rabbit, Services.Names names) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> item = Map.of("sku", "SKU-7", "name", "Blue shoes", "price", new BigDecimal("49.90"),
                "quantity", 1, "currency", "EUR");
        long sent = 0;
        try (Channel ch = rabbit.createChannel()) {
            ch.confirmSelect();
            for (int c = 0; c < customers; c++) {
                String customer = run + "-c" + c;
                Instant now = Instant.now();
                send(ch, names, new CustomerEvent(customer + "-v", customer, EventType.PRODUCT_VIEW, now, item));
                send(ch, names, new CustomerEvent(customer + "-a", customer, EventType.CART_ADD, now, item));
                sent += 2;
                if (sent % 5000 == 0) {
                    ch.waitForConfirmsOrDie(60_000);
                }
            }
            ch.waitForConfirmsOrDie(60_000);
        }
        return sent;
    }

    private static void send(Channel ch, Services.Names names, CustomerEvent event) throws IOException {
        AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json")
                .headers(Map.of("x-published-at", System.currentTimeMillis(), "x-customer-id", event.customerId()))
                .build();
        ch.basicPublish(names.exchange(), "event." + event.type().name(),
                props, EventCodec.encode(event).getBytes(StandardCharsets.UTF_8));
    }

    private record Live(long bytes, List<String> top) {
    }

    /** The live heap from a class histogram of the server (a full collection first), with its largest classes. */
    private static Live live(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        long total = -1;
        List<String> top = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            } else if (f.length >= 4 && f[0].endsWith(":") && top.size() < 10) {
                top.add(String.format(Locale.ROOT, "%8.1f MB %10s  %s", Long.parseLong(f[2]) / 1e6, f[1], f[3]));
            }
        }
        if (total < 0) {
            throw new IllegalStateException("no class histogram from jcmd:\n" + String.join("\n", lines));
        }
        return new Live(total, top);
    }
}
