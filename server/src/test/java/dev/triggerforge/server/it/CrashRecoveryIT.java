package dev.triggerforge.server.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.server.testing.Customers;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server killed with SIGKILL in the middle of a stream of events, then started again on the same database and
 * queues, must end up exactly where an uninterrupted server would: every distinct event stored once, every decision in
 * the outbox once. What makes that true is that an event is acknowledged only after its effects are committed (an
 * acknowledged event is never lost), that redelivered events already stored are recognised (nothing twice), and that a
 * session rebuilt from the store reaches its decisions again under the same idempotency keys.
 *
 * <p>Each customer signs up (with consent, except every fifth), looks at a product and fills a cart whose last
 * activity lies 29 min 55 s (or 56 s) in the past, so the 30-minute cart reminder falls due a few seconds after
 * publication: decisions become due on both sides of the crash. One event in 25 is published a second time, some
 * right after the original, some later. The kill comes during a burst, while the server holds unacknowledged events,
 * and the stream goes on while it is down.
 *
 * <p>Needs RabbitMQ and PostgreSQL on this machine (see docs), so it runs only with {@code TRIGGERFORGE_SERVICES=on}.
 * Sizes: {@code -Dcrash.customers} (default 3000, five or six events each), {@code -Dcrash.rate} (events/s, 1500),
 * {@code -Dcrash.burst} (2500 events published unpaced around the kill), {@code -Dcrash.timeout} (seconds for the
 * whole run, 240). {@code -Dcrash.keep=true} keeps the database and queues for inspection; {@code -Dcrash.strict=true}
 * also fails on the two known defects described at {@link #defect}. The server's log and a report go to
 * {@code target/crash-it/}.
 */
@EnabledIfEnvironmentVariable(named = "TRIGGERFORGE_SERVICES", matches = "on")
class CrashRecoveryIT {

    private static final int CUSTOMERS = Integer.getInteger("crash.customers", 3000);
    private static final double RATE = Double.parseDouble(System.getProperty("crash.rate", "1500"));
    private static final int BURST = Integer.getInteger("crash.burst", 2500);
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("crash.timeout", 240));
    private static final Duration STALL = Duration.ofSeconds(20);
    private static final boolean STRICT = Boolean.getBoolean("crash.strict");
    private static final String CART_RULE = "cart-abandonment";
    private static final String WELCOME_RULE = "welcome";

    private final Services services = new Services();
    private final Path dir = Path.of("target/crash-it");
    private final String db = Services.uniqueDatabase("tfcrash");
    private final Services.Names names = Services.Names.unique("tfcrash");
    private final List<String> report = new ArrayList<>();
    private ServerProcess server;

    @BeforeEach
    void freshServices() throws Exception {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("server.log"));
        services.recreateDatabase(db);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null) {
            server.kill();
        }
        if (Boolean.getBoolean("crash.keep")) {
            note("kept for inspection: database %s, queue %s", db, names.queue());
        } else {
            services.deleteAll(names);
            services.dropDatabase(db);
        }
        Files.write(dir.resolve("report.txt"), report, StandardCharsets.UTF_8);
    }

    @Test
    void killedMidStreamLosesNoEventAndMakesEveryDecisionOnce() throws Exception {
        long testStart = System.nanoTime();
        Stream stream = new Stream(CUSTOMERS);
        int total = stream.size();
        int burstStart = (int) (total * 0.4);
        int killAt = burstStart + BURST / 2;
        server = ServerProcess.builder().services(services, db, names)
                .property("triggerforge.data-dir", dir.resolve("data").toAbsolutePath())
                .property("triggerforge.engine.partitions", 2)
                .log(dir.resolve("server.log")).jvmOption("-Xmx1g").build();
        Duration firstStart = server.start().awaitReady(Duration.ofSeconds(120));
        note("first start: ready in %d ms, log %s", firstStart.toMillis(), server.log().toAbsolutePath());

        Publisher publisher = new Publisher(stream, burstStart, burstStart + BURST);
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(publisher::run);

        while (publisher.published.get() < killAt && !publishing.isDone()) {
            Thread.sleep(1);
        }
        server.kill();
        long killedAt = System.nanoTime();
        int publishedAtKill = publisher.published.get();
        Set<String> idsPublishedAtKill = stream.distinctIds(publishedAtKill);
        int storedAtKill = count("select count(*) from stored_events");
        int sendsAtKill = count("select count(*) from sends");
        note("killed pid %d (SIGKILL) after %d of %d messages were published (%d distinct ids); stored then: %d "
                        + "events, %d sends; messages left in the queue: %d", server.pid(), publishedAtKill, total,
                idsPublishedAtKill.size(), storedAtKill, sendsAtKill, services.ready(names.queue()));
        assertThat(storedAtKill).as("the server had stored events before it was killed").isPositive();
        assertThat(storedAtKill).as("events were still in flight when it was killed")
                .isLessThan(idsPublishedAtKill.size());

        Duration secondStart = server.start().awaitReady(Duration.ofSeconds(120));
        note("restarted on the same database and queues: ready in %d ms (%d ms after the kill)",
                secondStart.toMillis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));

        publishing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        note("published %d messages (%d distinct events, %d duplicates) in %d ms", total, stream.distinctIds(total)
                .size(), total - stream.distinctIds(total).size(), publisher.elapsedMillis);

        Set<String> expectedIds = stream.distinctIds(total);
        long deadline = testStart + TIMEOUT.toNanos();
        int expectedSendsPerRule = stream.consenting.size();
        awaitCompletion(deadline, expectedIds.size(), expectedSendsPerRule);
        long completeAt = System.nanoTime();
        // two more engine ticks: anything decided twice would show up now
        Thread.sleep(2500);

        Set<String> storedIds = new HashSet<>();
        int storedRows = query("select event_id from stored_events", rs -> storedIds.add(rs.getString(1)));
        Set<String> missing = new TreeSet<>(expectedIds);
        missing.removeAll(storedIds);
        Set<String> unexpected = new TreeSet<>(storedIds);
        unexpected.removeAll(expectedIds);

        Map<String, Map<String, Integer>> sendsByCustomer = new HashMap<>();
        Map<String, String> cartCausedBy = new HashMap<>();
        int sendRows = query("select customer_id, rule_id, caused_by from sends", rs -> {
            sendsByCustomer.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).merge(rs.getString(2), 1,
                    Integer::sum);
            if (CART_RULE.equals(rs.getString(2))) {
                cartCausedBy.put(rs.getString(1), rs.getString(3));
            }
        });
        int distinctKeys = count("select count(distinct idempotency_key) from sends");
        Map<String, Map<String, Integer>> suppressionsByCustomer = new HashMap<>();
        int suppressionRows = query("select customer_id, rule_id from suppressions", rs -> suppressionsByCustomer
                .computeIfAbsent(rs.getString(1), c -> new HashMap<>()).merge(rs.getString(2), 1, Integer::sum));
        Prometheus metrics = server.metrics();
        note("after the restart the server counted %.0f accepted, %.0f duplicate, %.0f late events",
                metrics.sum("triggerforge_events_processed_total", "outcome", "accepted"),
                metrics.sum("triggerforge_events_processed_total", "outcome", "duplicate"),
                metrics.sum("triggerforge_events_processed_total", "outcome", "late"));
        note("stored %d events (%d rows), %d sends (%d distinct keys), %d suppressions", storedIds.size(),
                storedRows, sendRows, distinctKeys, suppressionRows);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(completeAt - testStart);
        note("complete %d ms after the test started, %d ms after the kill (bound %d s)", elapsed,
                TimeUnit.NANOSECONDS.toMillis(completeAt - killedAt), TIMEOUT.toSeconds());

        List<String> wrongSends = new ArrayList<>();
        List<String> repeatedSuppressions = new ArrayList<>();
        List<String> staleCarts = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String id = stream.customerId(c);
            boolean consent = stream.consenting.contains(id);
            Map<String, Integer> sends = sendsByCustomer.getOrDefault(id, Map.of());
            Map<String, Integer> expected = consent ? Map.of(CART_RULE, 1, WELCOME_RULE, 1) : Map.of();
            if (!sends.equals(expected)) {
                wrongSends.add(id + " sends " + sends + ", expected " + expected);
            }
            Map<String, Integer> suppressed = suppressionsByCustomer.getOrDefault(id, Map.of());
            Map<String, Integer> expectedSuppressed = consent ? Map.of() : Map.of(CART_RULE, 1, WELCOME_RULE, 1);
            if (!suppressed.equals(expectedSuppressed)) {
                repeatedSuppressions.add(id + " suppressions " + suppressed);
            }
            String lastCartEvent = stream.lastCartEventId(c);
            if (consent && cartCausedBy.containsKey(id) && !cartCausedBy.get(id).contains(lastCartEvent)) {
                staleCarts.add(id + " reminder caused by " + cartCausedBy.get(id) + ", not by " + lastCartEvent);
            }
        }
        defect(repeatedSuppressions, "customers whose suppressions are not one per decision");
        defect(staleCarts, "cart reminders decided before the cart's last activity was seen");

        assertThat(missing).as("published events missing from stored_events (lost)").isEmpty();
        assertThat(unexpected).as("stored events that were never published").isEmpty();
        assertThat(storedRows).as("stored_events rows, one per distinct event id").isEqualTo(expectedIds.size());
        assertThat(distinctKeys).as("idempotency keys are unique").isEqualTo(sendRows);
        assertThat(wrongSends).as("customers without exactly one cart reminder and one welcome (none without "
                + "consent)").isEmpty();
        assertThat(sendRows).as("sends: a welcome and a cart reminder per consenting customer")
                .isEqualTo(2 * stream.consenting.size());
        assertThat(services.ready(names.deadLetterQueue())).as("dead letters").isZero();
        assertThat(Duration.ofMillis(elapsed)).as("time to a complete, consistent state").isLessThan(TIMEOUT);
        if (STRICT) {
            assertThat(repeatedSuppressions).as("suppressions, one per decision").isEmpty();
            assertThat(staleCarts).as("cart reminders that saw the whole cart").isEmpty();
        }
    }

    /**
     * Two invariants the server does not keep yet (reported to the engine's owners): a restart re-records the
     * suppressions its replay reaches again under new keys (the key holds the decision instant, which the replay
     * reproduces from received_at rather than the instant of the original turn), and events that arrive after their
     * wait has fallen due let the wait fire before later events of the same backlog are seen (offer() fires due
     * waits after each event), so a reminder can miss a later cart_add, or a purchase. Reported, not failed, unless
     * {@code -Dcrash.strict=true}.
     */
    private void defect(List<String> cases, String what) {
        if (!cases.isEmpty()) {
            note("KNOWN DEFECT%s: %d %s, e.g. %s", STRICT ? "" : " (reported only; -Dcrash.strict=true fails on it)",
                    cases.size(), what, cases.subList(0, Math.min(3, cases.size())));
        }
    }

    /** The planned messages: each customer's events in order, duplicates interleaved; times fixed at publication. */
    private static final class Stream {
        private final String run = Long.toString(System.currentTimeMillis(), 36);
        private final String zone = Customers.daytimeZone();
        private final List<Planned> messages = new ArrayList<>();
        private final Set<String> consenting = new HashSet<>();

        Stream(int customers) {
            Deque<Planned> later = new ArrayDeque<>();
            int n = 0;
            for (int c = 0; c < customers; c++) {
                boolean consent = c % 5 != 0;
                if (consent) {
                    consenting.add(customerId(c));
                }
                List<Planned> own = new ArrayList<>();
                own.add(new Planned(c, 0, "page_view", -30 * 60_000L));
                own.add(new Planned(c, 1, "signup", -(29 * 60_000L + 58_000)));
                own.add(new Planned(c, 2, "product_view", -(29 * 60_000L + 57_000)));
                own.add(new Planned(c, 3, "cart_add", -(29 * 60_000L + 56_000)));
                if (c % 3 == 0) {
                    own.add(new Planned(c, 4, "cart_add", -(29 * 60_000L + 55_000)));
                }
                if (c % 4 == 0) {
                    own.add(new Planned(c, 5, "page_view", -(29 * 60_000L + 54_000)));
                }
                for (Planned p : own) {
                    messages.add(p);
                    n++;
                    if (n % 50 == 0) {
                        messages.add(p);                      // the same event again, at once
                    } else if (n % 50 == 25) {
                        later.add(p);                         // and again, some 200 messages later
                    }
                    if (n % 200 == 0) {
                        while (!later.isEmpty()) {
                            messages.add(later.poll());
                        }
                    }
                }
            }
            messages.addAll(later);
        }

        int size() {
            return messages.size();
        }

        /** The id of customer {@code c}'s last cart_add: the second one for every third customer. */
        String lastCartEventId(int c) {
            return customerId(c) + (c % 3 == 0 ? "-e4" : "-e3");
        }

        String customerId(int c) {
            return "crash-" + run + "-" + c;
        }

        Set<String> distinctIds(int firstMessages) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < firstMessages; i++) {
                ids.add(eventId(messages.get(i)));
            }
            return ids;
        }

        String eventId(Planned p) {
            return customerId(p.customer) + "-e" + p.step;
        }

        /**
         * The event as published: times relative to the first publication of this customer's first event, so a
         * duplicate carries exactly the original's body.
         */
        CustomerEvent event(Planned p, long base) {
            Map<String, Object> props = new LinkedHashMap<>();
            int c = p.customer;
            String sku = "sku-" + (c % 97) + "-" + p.step;
            switch (p.type) {
                case "page_view" -> props.put("url", "https://shop.example/" + (p.step == 0 ? "" : "sale"));
                case "signup" -> {
                    props.put("email", "c" + c + "@example.com");
                    props.put("firstName", "Kim");
                    props.put("marketingConsent", consenting.contains(customerId(c)));
                    props.put("timezone", zone);
                }
                case "product_view" -> {
                    props.put("sku", sku);
                    props.put("name", "Linen shirt " + c % 97);
                    props.put("category", "shirts");
                    props.put("price", new BigDecimal("39.90"));
                    props.put("url", "https://shop.example/p/" + sku);
                }
                case "cart_add" -> {
                    props.put("sku", sku);
                    props.put("name", "Linen shirt " + c % 97);
                    props.put("price", new BigDecimal("39.90"));
                    props.put("quantity", 1);
                    props.put("url", "https://shop.example/p/" + sku);
                    props.put("imageUrl", "https://shop.example/i/" + sku + ".jpg");
                }
                default -> throw new IllegalStateException(p.type);
            }
            return new CustomerEvent(eventId(p), customerId(c), EventType.of(p.type),
                    Instant.ofEpochMilli(base + p.offsetMillis), props);
        }
    }

    private record Planned(int customer, int step, String type, long offsetMillis) {
    }

    /** Publishes the stream at a fixed rate (unpaced within the burst) with publisher confirms. */
    private final class Publisher {
        private final Stream stream;
        private final int burstFrom;
        private final int burstTo;
        private final AtomicInteger published = new AtomicInteger();
        private final Map<Integer, Long> bases = new HashMap<>();
        private final Map<String, byte[]> bodies = new HashMap<>();
        private volatile long elapsedMillis;

        Publisher(Stream stream, int burstFrom, int burstTo) {
            this.stream = stream;
            this.burstFrom = burstFrom;
            this.burstTo = burstTo;
        }

        void run() {
            try (Connection c = services.rabbit("crash-it-publisher"); Channel ch = c.createChannel()) {
                ch.confirmSelect();
                long start = System.nanoTime();
                long intervalNanos = (long) (1e9 / RATE);
                long next = start;
                for (int i = 0; i < stream.size(); i++) {
                    boolean burst = i >= burstFrom && i < burstTo;
                    if (!burst) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        next += intervalNanos;
                    } else {
                        next = System.nanoTime();
                    }
                    Planned p = stream.messages.get(i);
                    long now = System.currentTimeMillis();
                    long base = bases.computeIfAbsent(p.customer, k -> now);
                    byte[] body = bodies.computeIfAbsent(stream.eventId(p),
                            id -> EventCodec.encode(stream.event(p, base)).getBytes(StandardCharsets.UTF_8));
                    AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder()
                            .contentType("application/json")
                            .headers(Map.of("x-published-at", now)).build();
                    ch.basicPublish(names.exchange(), "event." + p.type, props, body);
                    published.incrementAndGet();
                    if (i % 250 == 249) {
                        ch.waitForConfirmsOrDie(30_000);
                    }
                }
                ch.waitForConfirmsOrDie(30_000);
                elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            } catch (Exception e) {
                throw new IllegalStateException("publishing failed after " + published.get() + " messages", e);
            }
        }
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("[crash-it] " + line);
    }

    /**
     * Waits until every distinct event is stored, both decisions of every consenting customer are in the outbox and
     * the queue is empty; or, when the queue is empty and nothing has changed for {@link #STALL} (a lost event never
     * arrives), returns early so that the assertions say what is missing.
     */
    private void awaitCompletion(long deadlineNanos, int events, int sendsPerRule) throws Exception {
        long lastChange = System.nanoTime();
        String last = "";
        while (true) {
            int stored = count("select count(*) from stored_events");
            int carts = count("select count(*) from sends where rule_id = '" + CART_RULE + "'");
            int welcomes = count("select count(*) from sends where rule_id = '" + WELCOME_RULE + "'");
            long queued = services.ready(names.queue());
            if (stored >= events && carts >= sendsPerRule && welcomes >= sendsPerRule && queued == 0) {
                return;
            }
            String state = stored + "/" + carts + "/" + welcomes + "/" + queued;
            long now = System.nanoTime();
            if (!state.equals(last)) {
                last = state;
                lastChange = now;
            } else if (queued == 0 && now - lastChange > STALL.toNanos()) {
                note("no progress for %d s with an empty queue: %d of %d events stored, %d and %d of %d cart and "
                        + "welcome sends", STALL.toSeconds(), stored, events, carts, welcomes, sendsPerRule);
                return;
            }
            if (now > deadlineNanos) {
                throw new AssertionError("not complete within " + TIMEOUT.toSeconds() + " s: stored " + stored
                        + " of " + events + " events, sends " + carts + "/" + welcomes + " of " + sendsPerRule
                        + ", queue " + queued + "; server log " + server.log().toAbsolutePath() + ":\n"
                        + server.logTail(30));
            }
            if (!server.isAlive()) {
                throw new AssertionError("restarted server died:\n" + server.logTail(40));
            }
            Thread.sleep(250);
        }
    }

    private int count(String sql) throws SQLException {
        return services.count(db, sql);
    }

    private int query(String sql, Services.Row each) throws SQLException {
        return services.query(db, sql, each);
    }
}
