package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.TimelineEntry;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.session.Partitioning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs a rule set over events on the production engine and clock, split into partitions by customer that run side
 * by side; the outcome is merged in a fixed order, so it is the same for any partition count.
 */
public final class Simulator {

    public static final Comparator<EmailDecision> DECISION_ORDER = Comparator.comparing(EmailDecision::sendAt)
            .thenComparing(EmailDecision::customerId).thenComparing(EmailDecision::ruleId)
            .thenComparing(EmailDecision::idempotencyKey);
    public static final Comparator<Suppression> SUPPRESSION_ORDER = Comparator.comparing(Suppression::at)
            .thenComparing(Suppression::customerId).thenComparing(Suppression::ruleId)
            .thenComparing(Suppression::reason).thenComparing(s -> String.join(",", s.causedBy()));

    private final CompiledRuleSet rules;
    private final SimulationOptions options;

    public Simulator(CompiledRuleSet rules, SimulationOptions options) {
        this.rules = rules;
        this.options = options;
    }

    public SimulationRun run(List<CustomerEvent> events, List<CustomerProfile> profiles) throws InterruptedException {
        List<CustomerEvent> sorted = new ArrayList<>(events);
        sorted.sort(PartitionRun.EVENT_ORDER);
        Instant until = options.until() != null ? options.until() : horizon(sorted);
        Instant from = sorted.isEmpty() ? until : sorted.get(0).occurredAt();
        int count = options.partitions();
        List<List<CustomerEvent>> eventParts = split(count);
        List<List<CustomerProfile>> profileParts = split(count);
        Map<String, String> identities = identities(sorted);
        sorted.forEach(e -> eventParts.get(Partitioning.partitionOf(
                identities.getOrDefault(e.customerId(), e.customerId()), count)).add(e));
        profiles.forEach(p -> profileParts.get(Partitioning.partitionOf(
                identities.getOrDefault(p.customerId(), p.customerId()), count)).add(p));

        AtomicLong processed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "simulation-partition");
                    t.setDaemon(true);
                    return t;
                });
        List<PartitionRun> runs = new ArrayList<>();
        try {
            for (int p = 0; p < count; p++) {
                runs.add(new PartitionRun(rules, eventParts.get(p), profileParts.get(p), from, until, options,
                        processed, sorted.size()));
            }
            List<PolicySnapshot> policies = List.of();
            if (LearningPeriods.needed(rules)) {
                policies = new LearningPeriods(rules, options.session().optimization(), runs)
                        .run(from, until, limit -> each(pool, runs, r -> {
                            r.runUntil(limit);
                            return null;
                        }));
            }
            return merge(each(pool, runs, PartitionRun::finish), from, until, sorted.size(), policies);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code step} on every partition side by side and returns the results in partition order. */
    private static <T> List<T> each(ExecutorService pool, List<PartitionRun> runs, Function<PartitionRun, T> step)
            throws InterruptedException {
        List<Future<T>> futures = new ArrayList<>();
        for (PartitionRun run : runs) {
            futures.add(pool.submit(() -> step.apply(run)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a simulation partition failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    /** The last event plus the longest wait and the quiet hours, so every wait started by the data resolves. */
    /**
     * Anonymous visitor id to the customer an {@code identify} event says they are: their events go to that
     * customer's partition from the start, so the session can merge them when the identify comes, as the server does
     * after handing the visitor's state over.
     */
    private static Map<String, String> identities(List<CustomerEvent> events) {
        Map<String, String> identities = new HashMap<>();
        for (CustomerEvent e : events) {
            String visitor = e.identifiedVisitor();
            if (visitor != null) {
                identities.putIfAbsent(visitor, e.customerId());
            }
        }
        return identities;
    }

    public Instant horizon(List<CustomerEvent> events) {
        if (events.isEmpty()) {
            return Instant.EPOCH;
        }
        Instant last = events.stream().map(CustomerEvent::occurredAt).max(Instant::compareTo).orElseThrow();
        GuardrailSettings guardrails = rules.ruleSet().guardrails();
        Duration quiet = Duration.between(guardrails.quietStart(), guardrails.quietEnd());
        if (quiet.isNegative()) {
            quiet = quiet.plusDays(1);
        }
        return last.plus(rules.longestWait()).plus(quiet);
    }

    private SimulationRun merge(List<PartitionRun.Outcome> outcomes, Instant from, Instant until, long read,
                                List<PolicySnapshot> policies) {
        List<EmailDecision> decisions = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        List<CustomerEvent> responses = new ArrayList<>();
        Map<String, List<TimelineEntry>> timelines = new TreeMap<>();
        long duplicates = 0;
        long late = 0;
        long evictions = 0;
        for (PartitionRun.Outcome outcome : outcomes) {
            evictions += outcome.readingEvictions();
            decisions.addAll(outcome.decisions());
            suppressions.addAll(outcome.suppressions());
            responses.addAll(outcome.responses());
            timelines.putAll(outcome.timelines());
            duplicates += outcome.duplicates();
            late += outcome.late();
        }
        decisions.sort(DECISION_ORDER);
        suppressions.sort(SUPPRESSION_ORDER);
        responses.sort(PartitionRun.EVENT_ORDER);
        return new SimulationRun(rules.ruleSet().name(), from, until, read, duplicates, late, decisions,
                suppressions, responses, timelines, policies, evictions);
    }

    private static <T> List<List<T>> split(int count) {
        List<List<T>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        return parts;
    }
}
