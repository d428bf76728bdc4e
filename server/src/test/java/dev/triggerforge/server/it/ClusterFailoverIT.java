package dev.triggerforge.server.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.security.RuleSetBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's proof: two (up to four) packaged servers in cluster mode on this machine's RabbitMQ and PostgreSQL share
 * the partition queues; the first is killed with SIGKILL while events stream in, and the survivors must take over its
 * partitions, rebuild them from the store and finish the work: every distinct event stored once, every decision in
 * the outbox once (one welcome and one cart reminder per consenting customer, whose cart reminders fall due seconds
 * after publication, so some are pending in the killed instance's memory when it dies), no idempotency key twice, and
 * messages without or with a wrong customer header dead-lettered with their reason. It also activates a rule-set
 * version through one instance and sees every other run it. Prints the takeover and completion times after the kill.
 *
 * <p>Sizes: {@code -Dcluster.customers} (default 2000, three or four events each), {@code -Dcluster.rate} (events/s,
 * 800), {@code -Dcluster.partitions} (8), {@code -Dcluster.instances} (2). Logs and a report go to
 * {@code target/cluster-it/}.
 */
@EnabledIfEnvironmentVariable(named = "TRIGGERFORGE_SERVICES", matches = "on")
class ClusterFailoverIT {

    private static final int CUSTOMERS = Integer.getInteger("cluster.customers", 2000);
    private static final double RATE = Double.parseDouble(System.getProperty("cluster.rate", "800"));
    private static final int PARTITIONS = Integer.getInteger("cluster.partitions", 8);
    private static final int INSTANCES = Integer.getInteger("cluster.instances", 2);
    private static final List<String> NAMES = List.of("first", "second", "third", "fourth");
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final Services services = new Services();
    private final Path dir = Path.of("target/cluster-it");
    private final String db = Services.uniqueDatabase("tfcluster");
    private final Services.Names names = Services.Names.unique("tfcluster");
    private final String partitioned = names.exchange() + ".partitioned";
    private final String queuePrefix = names.exchange() + ".partition";
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String zone = Customers.daytimeZone();
    private final List<String> report = new ArrayList<>();
    private final List<ServerProcess> instances = new ArrayList<>();
    private ServerProcess first;
    private List<ServerProcess> survivors;

    @BeforeEach
    void freshServices() throws Exception {
        Files.createDirectories(dir);
        services.recreateDatabase(db);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ServerProcess p : instances) {
            p.kill();
        }
        services.deletePartitioned(partitioned, queuePrefix, PARTITIONS);
        services.deleteAll(names);
        services.dropDatabase(db);
        Files.write(dir.resolve("report.txt"), report, StandardCharsets.UTF_8);
    }

    @Test
    void theSurvivorTakesOverTheKilledInstancesPartitionsAndNothingHappensTwice() throws Exception {
        assertThat(INSTANCES).as("-Dcluster.instances").isBetween(2, NAMES.size());
        for (String name : NAMES.subList(0, INSTANCES)) {
            ServerProcess instance = start(name).start();
            instances.add(instance);
            instance.awaitReady(Duration.ofSeconds(120));
        }
        first = instances.get(0);
        survivors = instances.subList(1, INSTANCES);
        long splitStart = System.nanoTime();
        await(Duration.ofSeconds(40), "every instance owns partitions, all " + PARTITIONS + " owned",
                () -> instances.stream().noneMatch(i -> owned(i).isEmpty()) && ownedBy(instances).size() == PARTITIONS);
        note("partitions split: %s, %d ms after the last instance was ready", split(), millisSince(splitStart));

        String created = first.post("/api/rulesets", RuleSetBodies.specsOnly("cluster-wide"), 201);
        long version = Long.parseLong(created.replaceAll(".*\"version\":(\\d+).*", "$1"));
        first.post("/api/rulesets/" + version + "/activate", null, 200);
        await(Duration.ofSeconds(30), "version " + version + " runs on every instance", () -> {
            String running = survivors.get(0).get("/api/rulesets/instances");
            return NAMES.subList(0, INSTANCES).stream().allMatch(name -> running.contains(
                    "\"instanceId\":\"" + name + "\",\"ruleSetVersion\":" + version));
        });
        note("rule-set version %d activated through the first instance runs on all %d", version, INSTANCES);

        List<CustomerEvent> stream = stream();
        Set<String> distinct = new HashSet<>();
        stream.forEach(e -> distinct.add(e.eventId()));
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(stream, published));

        List<Integer> killedOwned = owned(first);
        while (published.get() < stream.size() * 2 / 5 && !publishing.isDone()) {
            Thread.sleep(5);
        }
        int storedAtKill = count("select count(*) from stored_events");
        first.kill();
        long killedAt = System.nanoTime();
        note("killed the first instance (pid %d, SIGKILL) owning partitions %s after %d of %d messages were "
                + "published; %d events stored then", first.pid(), killedOwned, published.get(), stream.size(),
                storedAtKill);

        await(BOUND, "the survivors own every partition", () -> ownedBy(survivors).size() == PARTITIONS);
        long acquired = millisSince(killedAt);
        await(BOUND, "the survivors have rebuilt every partition", () -> survivors.stream().allMatch(
                ClusterFailoverIT::ready));
        long takeover = millisSince(killedAt);
        note("the survivors (%d) owned all %d partitions %d ms after the kill (%s) and had rebuilt them after %d ms",
                survivors.size(), PARTITIONS, acquired, split(), takeover);

        publishing.get(120, TimeUnit.SECONDS);
        int consenting = (int) customers().filter(this::consents).count();
        await(BOUND.minusMillis(takeover), "every event stored and every decision made", () ->
                count("select count(*) from stored_events") >= distinct.size()
                        && count("select count(*) from sends") >= 2 * consenting
                        && readyInPartitionQueues() == 0);
        long complete = millisSince(killedAt);
        Thread.sleep(2500);

        Set<String> stored = new HashSet<>();
        int storedRows = query("select event_id from stored_events", rs -> stored.add(rs.getString(1)));
        Set<String> missing = new TreeSet<>(distinct);
        missing.removeAll(stored);
        Map<String, Map<String, Integer>> sendsByCustomer = new HashMap<>();
        int sendRows = query("select customer_id, rule_id from sends", rs -> sendsByCustomer
                .computeIfAbsent(rs.getString(1), c -> new HashMap<>()).merge(rs.getString(2), 1, Integer::sum));
        int keys = count("select count(distinct idempotency_key) from sends");
        List<String> wrong = new ArrayList<>();
        customers().forEach(c -> {
            Map<String, Integer> expected = consents(c) ? Map.of("cart-abandonment", 1, "welcome", 1) : Map.of();
            Map<String, Integer> got = sendsByCustomer.getOrDefault(customerId(c), Map.of());
            if (!got.equals(expected)) {
                wrong.add(customerId(c) + " " + got + ", expected " + expected);
            }
        });
        List<String> reasons = deadLetterReasons();
        note("published %d messages (%d distinct events, %d duplicates, 2 without a usable customer header)",
                stream.size() + 2, distinct.size(), stream.size() - distinct.size());
        note("stored %d events (%d rows, %d missing), %d sends (%d distinct keys, %d expected), %d customers with "
                + "wrong sends; dead letters: %s", stored.size(), storedRows, missing.size(), sendRows, keys,
                2 * consenting, wrong.size(), reasons);
        note("the survivors' rebuilds of the taken-over partitions restored %d pending waits",
                restoredWaits(killedOwned));
        note("the survivors counted %.0f duplicates and %.0f partitions acquired",
                sum(survivors, "triggerforge_events_processed_total", "outcome", "duplicate"),
                sum(survivors, "triggerforge_cluster_ownership_changes_total", "change", "acquired"));
        note("FAILOVER: partitions acquired %d ms, rebuilt %d ms, all remaining events processed and decided %d ms "
                + "after the kill (bound %d s)", acquired, takeover, complete, BOUND.toSeconds());

        assertThat(killedOwned).as("the killed instance owned partitions").isNotEmpty();
        assertThat(ownedBy(survivors)).as("the survivors took them over").containsAll(killedOwned)
                .hasSize(PARTITIONS);
        assertThat(missing).as("published events never stored (lost)").isEmpty();
        assertThat(storedRows).as("stored events, one row per distinct event").isEqualTo(distinct.size());
        assertThat(keys).as("no idempotency key twice").isEqualTo(sendRows);
        assertThat(wrong).as("customers without exactly one welcome and one cart reminder (none without consent)")
                .isEmpty();
        assertThat(sendRows).as("outbox rows = expected decisions").isEqualTo(2 * consenting);
        assertThat(reasons).as("the two messages without a usable customer header, dead-lettered with the reason")
                .hasSize(2).allMatch(r -> r.contains("x-customer-id"));
        assertThat(Duration.ofMillis(complete)).as("kill to complete").isLessThan(BOUND);
    }

    private ServerProcess start(String name) {
        return ServerProcess.builder().services(services, db, names)
                .property("triggerforge.instance-id", name)
                .property("triggerforge.data-dir", dir.resolve(name).toAbsolutePath())
                .property("triggerforge.cluster.enabled", true)
                .property("triggerforge.cluster.partitions", PARTITIONS)
                .property("triggerforge.cluster.exchange", partitioned)
                .property("triggerforge.cluster.queue-prefix", queuePrefix)
                .property("triggerforge.cluster.rebalance-interval", "2s")
                .log(dir.resolve(name + ".log")).jvmOption("-Xmx512m").build();
    }

    /**
     * Each customer signs up, views a product and fills a cart whose reminder falls due 3 s (even customers) or 20 s
     * (odd ones) after publication, so many reminders are still waiting in the killed instance's memory when it dies.
     */
    private List<CustomerEvent> stream() {
        long now = System.currentTimeMillis();
        List<CustomerEvent> events = new ArrayList<>();
        List<CustomerEvent> repeats = new ArrayList<>();
        customers().forEach(c -> {
            long base = now + c * 1000L / (long) RATE * 4;
            String sku = "sku-" + c % 97;
            List<CustomerEvent> own = new ArrayList<>();
            own.add(event(c, 1, "signup", base - 1_799_000, Map.of("email", "c" + c + "@example.com",
                    "firstName", "Kim", "marketingConsent", consents(c), "timezone", zone)));
            own.add(event(c, 2, "product_view", base - 1_798_000, Map.of("sku", sku, "name", "Linen shirt",
                    "category", "shirts", "price", new BigDecimal("39.90"), "url", "https://shop.example/p/" + sku)));
            Map<String, Object> line = Map.of("sku", sku, "name", "Linen shirt", "price", new BigDecimal("39.90"),
                    "quantity", 1, "url", "https://shop.example/p/" + sku, "imageUrl", "https://shop.example/i.jpg");
            long later = c % 2 == 0 ? 0 : 17_000;
            own.add(event(c, 3, "cart_add", base - 1_797_000 + later, line));
            if (c % 3 == 0) {
                own.add(event(c, 4, "cart_add", base - 1_796_000 + later, line));
            }
            for (CustomerEvent e : own) {
                events.add(e);
                if (events.size() % 40 == 0) {
                    repeats.add(e);
                }
                if (events.size() % 400 == 0) {
                    events.addAll(repeats);
                    repeats.clear();
                }
            }
        });
        events.addAll(repeats);
        return events;
    }

    private CustomerEvent event(int c, int step, String type, long at, Map<String, Object> properties) {
        return new CustomerEvent(customerId(c) + "-e" + step, customerId(c), EventType.of(type),
                Instant.ofEpochMilli(at), new LinkedHashMap<>(properties));
    }

    /** Publishes at a fixed rate with the customer header, then one event without it and one with a wrong one. */
    private void publish(List<CustomerEvent> stream, AtomicInteger published) {
        try (Connection c = services.rabbit("cluster-it-publisher"); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            long interval = (long) (1e9 / RATE);
            long next = System.nanoTime();
            for (CustomerEvent e : stream) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += interval;
                ch.basicPublish(names.exchange(), "event." + e.type().name(), props(Map.of("x-customer-id",
                        e.customerId(), "x-published-at", System.currentTimeMillis())), body(e));
                if (published.incrementAndGet() % 250 == 0) {
                    ch.waitForConfirmsOrDie(30_000);
                }
            }
            CustomerEvent stray = event(CUSTOMERS + 1, 1, "page_view", System.currentTimeMillis(),
                    Map.of("url", "https://shop.example/"));
            ch.basicPublish(names.exchange(), "event.page_view", props(Map.of()), body(stray));
            ch.basicPublish(names.exchange(), "event.page_view", props(Map.of("x-customer-id", "someone-else")),
                    body(stray));
            ch.waitForConfirmsOrDie(30_000);
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed after " + published.get() + " messages", e);
        }
    }

    private static AMQP.BasicProperties props(Map<String, Object> headers) {
        return MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json").headers(headers).build();
    }

    private static byte[] body(CustomerEvent e) {
        return EventCodec.encode(e).getBytes(StandardCharsets.UTF_8);
    }

    private java.util.stream.IntStream customers() {
        return java.util.stream.IntStream.range(0, CUSTOMERS);
    }

    private boolean consents(int c) {
        return c % 5 != 0;
    }

    private String customerId(int c) {
        return "cl-" + run + "-" + c;
    }

    /**
     * The partitions an instance owns, from its {@code triggerforge_cluster_partition_owned} gauges (the metrics
     * endpoint does not wait for the database, as the readiness check does); empty when it does not answer.
     */
    private static List<Integer> owned(ServerProcess server) {
        Prometheus metrics;
        try {
            metrics = server.isAlive() ? server.metrics() : null;
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Integer> owned = new ArrayList<>();
        for (int n = 0; metrics != null && n < PARTITIONS; n++) {
            if (metrics.sum("triggerforge_cluster_partition_owned", "partition", Integer.toString(n)) > 0) {
                owned.add(n);
            }
        }
        return owned;
    }

    private static Set<Integer> ownedBy(List<ServerProcess> servers) {
        Set<Integer> owned = new TreeSet<>();
        servers.forEach(s -> owned.addAll(owned(s)));
        return owned;
    }

    private String split() {
        return IntStream.range(0, instances.size()).mapToObj(i -> NAMES.get(i) + " " + owned(instances.get(i)))
                .collect(Collectors.joining(", "));
    }

    private static double sum(List<ServerProcess> servers, String metric, String tag, String value) {
        return servers.stream().mapToDouble(s -> s.metrics().sum(metric, tag, value)).sum();
    }

    private static boolean ready(ServerProcess server) {
        try {
            return server.get("/q/health/ready").contains("\"status\": \"UP\"");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The waits in flight the survivors' rebuilds brought back, from their logs (the last rebuild of each partition
     * in each log; a partition handed on between survivors is counted where it was rebuilt last).
     */
    private int restoredWaits(List<Integer> partitions) throws java.io.IOException {
        Map<Integer, Integer> byPartition = new HashMap<>();
        Pattern rebuilt = Pattern.compile("Partition (\\d+) rebuilt from .*: (\\d+) pending waits");
        for (ServerProcess survivor : survivors) {
            for (String line : Files.readAllLines(survivor.log(), StandardCharsets.UTF_8)) {
                Matcher m = rebuilt.matcher(line);
                if (m.find() && partitions.contains(Integer.parseInt(m.group(1)))) {
                    byPartition.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
            }
        }
        return byPartition.values().stream().mapToInt(Integer::intValue).sum();
    }

    private long readyInPartitionQueues() {
        long ready = 0;
        for (int n = 0; n < PARTITIONS; n++) {
            ready += Math.max(0, services.ready(queuePrefix + "." + n));
        }
        return ready;
    }

    /** The reasons of the dead letters, taken off the dead-letter queue. */
    private List<String> deadLetterReasons() throws Exception {
        List<String> reasons = new ArrayList<>();
        try (Connection c = services.rabbit("cluster-it-dead"); Channel ch = c.createChannel()) {
            GetResponse r;
            while ((r = ch.basicGet(names.deadLetterQueue(), true)) != null) {
                Object reason = r.getProps().getHeaders() == null ? null
                        : r.getProps().getHeaders().get("x-triggerforge-reason");
                reasons.add(String.valueOf(reason));
            }
        }
        return reasons;
    }

    private void await(Duration timeout, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; stored "
                        + count("select count(*) from stored_events") + ", sends " + count("select count(*) from sends")
                        + ", queued " + readyInPartitionQueues() + "; owned: " + split() + "\nlast instance's log:\n"
                        + (instances.isEmpty() ? "" : instances.get(instances.size() - 1).logTail(30)));
            }
            Thread.sleep(100);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private int count(String sql) throws SQLException {
        return services.count(db, sql);
    }

    private int query(String sql, Services.Row each) throws SQLException {
        return services.query(db, sql, each);
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("[cluster-it] " + line);
    }
}
