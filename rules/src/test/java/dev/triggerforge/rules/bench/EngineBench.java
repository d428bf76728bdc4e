package dev.triggerforge.rules.bench;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompileLimits;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.session.SessionListener;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.TriggerSession;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine benchmark behind docs/benchmarks.md, run with {@code ./mvnw -pl rules -Pbench verify}: one thread, one
 * session, the built-in library and 10, 100 and 1,000 generated triggers measured side by side in the same JVM, then
 * heap per active customer, and a million typical customers in the fixed 2 GB heap. The first rounds warm the JVM and Drools' constraint compiler and are not reported; the table
 * shows the median measured round.
 */
public final class EngineBench {

    private record Result(String name, int events, double eventsPerSecond, double p50, double p99, double p999,
                          long decisions, long suppressions) {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("bench.customers", 20_000);
        int warmup = Integer.getInteger("bench.warmup", 2);
        int rounds = Integer.getInteger("bench.rounds", 4);
        int heapCustomers = Integer.getInteger("bench.heapCustomers", 100_000);
        int millionCustomers = Integer.getInteger("bench.millionCustomers", 1_000_000);
        RuleSetCompiler compiler = new RuleSetCompiler(CompileLimits.DEFAULTS.withMaxRules(10_000)
                .withMaxTotalBytes(16L * 1024 * 1024).withCompileTimeout(Duration.ofMinutes(10)));
        Map<String, CompiledRuleSet> ruleSets = new LinkedHashMap<>();
        ruleSets.put("library (4 triggers)", compiler.compile(TriggerLibrary.ruleSet()));
        for (int count : new int[] {10, 100, 1000}) {
            CompiledRuleSet generated = compiler.compile(new RuleSet("generated-" + count, List.of(),
                    GeneratedTriggers.of(count), GuardrailSettings.DEFAULTS));
            ruleSets.put(count + " generated triggers", generated);
        }
        ruleSets.forEach((name, rules) -> System.out.printf(Locale.ROOT, "compile: %s %d ms%n", name,
                rules.compileTime().toMillis()));
        BenchWorkload workload = new BenchWorkload(customers, Duration.ofHours(24).toMillis(), 42);
        System.out.printf(Locale.ROOT, "workload: %d customers, %d events over 24 h of event time%n",
                customers, workload.events.size());

        Map<String, List<Result>> measured = new LinkedHashMap<>();
        for (int round = 0; round < warmup + rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Map.Entry<String, CompiledRuleSet> rules : ruleSets.entrySet()) {
                Result r = run(rules.getKey(), rules.getValue(), workload);
                if (round >= warmup) {
                    measured.computeIfAbsent(rules.getKey(), k -> new ArrayList<>()).add(r);
                }
                line.append(String.format(Locale.ROOT, " %s %.0f ev/s;", rules.getKey(), r.eventsPerSecond));
            }
            System.out.println(line);
        }
        double library = median(measured.get("library (4 triggers)")).eventsPerSecond;
        System.out.println();
        System.out.println("| rule set | events | events/s (1 core) | vs library | p50 µs | p99 µs | p99.9 µs | decisions "
                + "| suppressions |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (List<Result> runs : measured.values()) {
            Result r = median(runs);
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.1f | %.1f | %.1f | %d | %d |%n", r.name,
                    r.events, r.eventsPerSecond, r.eventsPerSecond / library, r.p50, r.p99, r.p999, r.decisions,
                    r.suppressions);
        }
        System.out.println();
        System.out.println("| rule set | active customer | customers | pending waits | sends | heap MB | bytes/customer |");
        System.out.println("|---|---|---|---|---|---|---|");
        CompiledRuleSet lib = ruleSets.get("library (4 triggers)");
        heapPerCustomer("library", lib, heapCustomers, false);
        heapPerCustomer("library", lib, heapCustomers, true);
        heapPerCustomer("100 generated triggers", ruleSets.get("100 generated triggers"), heapCustomers, false);
        ruleSets.clear();
        measured.clear();
        if (millionCustomers > 0) {
            heapPerCustomer("library", lib, millionCustomers, false);
        }
    }

    private static Result run(String name, CompiledRuleSet rules, BenchWorkload workload) {
        Counter counter = new Counter();
        List<CustomerEvent> events = workload.events;
        long[] latencies = new long[events.size()];
        long started;
        long elapsed;
        try (TriggerSession session = new TriggerSession(rules, SessionOptions.DEFAULTS, counter, BenchWorkload.START)) {
            workload.profiles.forEach(session::putProfile);
            started = System.nanoTime();
            for (int i = 0; i < latencies.length; i++) {
                CustomerEvent e = events.get(i);
                long t = System.nanoTime();
                session.advanceTo(e.occurredAt());
                session.offer(e);
                latencies[i] = System.nanoTime() - t;
            }
            session.advanceTo(events.get(events.size() - 1).occurredAt().plus(Duration.ofDays(4)));
            elapsed = System.nanoTime() - started;
        }
        Arrays.sort(latencies);
        return new Result(name, events.size(), events.size() / (elapsed / 1e9), micros(latencies, 0.50),
                micros(latencies, 0.99), micros(latencies, 0.999), counter.decisions, counter.suppressions);
    }

    /**
     * Heap per active customer, in two shapes. Typical: a profile, an open cart with two lines waiting for its
     * reminder, and the ids of its recent events. Rich: also a welcome send in the ledger and a completed browse
     * streak waiting for its follow-up.
     */
    private static void heapPerCustomer(String name, CompiledRuleSet rules, int customers, boolean rich)
            throws InterruptedException {
        Counter counter = new Counter();
        Instant start = BenchWorkload.START.plus(Duration.ofHours(12));
        try (TriggerSession session = new TriggerSession(rules, SessionOptions.DEFAULTS, counter, start)) {
            long before = usedHeapAfterGc();
            for (int c = 0; c < customers; c++) {
                String id = "h" + c;
                session.putProfile(new CustomerProfile(id, id + "@example.com", "Europe/Berlin", "de", true,
                        Map.of("firstName", "Ann"), Map.of()));
                Instant at = start.plusMillis(c * 5L);
                session.advanceTo(at);
                if (rich) {
                    offer(session, id, "signup", at, 0, Map.of("email", id + "@example.com"));
                    for (int v = 1; v <= 3; v++) {
                        offer(session, id, "product_view", at, v, Map.of("sku", "SKU-" + c % 500, "name", "P",
                                "category", "shoes", "url", "https://shop.example/p"));
                    }
                }
                offer(session, id, "cart_add", at, 4, Map.of("sku", "A" + c % 300, "name", "A",
                        "price", new BigDecimal("19.90"), "quantity", 1L));
                offer(session, id, "cart_add", at, 5, Map.of("sku", "B" + c % 300, "name", "B",
                        "price", new BigDecimal("5.00"), "quantity", 2L));
            }
            long after = usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f | %.0f |%n", name, rich ? "rich" : "typical",
                    customers, session.pendingWaits(), counter.decisions, (after - before) / 1e6,
                    (after - before) / (double) customers);
        }
    }

    private static void offer(TriggerSession session, String customer, String type, Instant at, int seq,
                              Map<String, Object> props) {
        session.offer(new CustomerEvent(customer + "-" + seq, customer, EventType.of(type), at, props));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1000.0;
    }

    private static Result median(List<Result> runs) {
        List<Result> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.eventsPerSecond, b.eventsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static final class Counter implements SessionListener {
        long decisions;
        long suppressions;

        @Override
        public void onDecision(EmailDecision decision) {
            decisions++;
        }

        @Override
        public void onSuppression(Suppression suppression) {
            suppressions++;
        }
    }
}
