package dev.triggerforge.rules.bench;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.AllocationMode;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.optimization.PolicyBuilder;
import dev.triggerforge.rules.session.SessionListener;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.TriggerSession;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.Simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What adaptive triggers cost, run with {@code ./mvnw -pl rules -Pbench-opt verify}: the built-in library as it is,
 * with its cart and browse triggers adaptive, with them sending at the best time, and with both, through one
 * session and through the simulator's learning periods, measured side by side in one JVM; then how long building a
 * period's policy takes from a million sends.
 */
public final class OptimizationBench {

    private static final List<Variant> ARMS = List.of(new Variant("a", 45, false, null, null, Map.of()),
            new Variant("b", 45, false, null, null, Map.of()), new Variant("holdout", 10, true, null, null, Map.of()));
    private static final List<String> SHAPED = List.of("cart-abandonment", "browse-abandonment");

    private record Variation(String name, boolean adaptive, boolean bestTime) {
    }

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("bench.customers", 20_000);
        int warmup = Integer.getInteger("bench.warmup", 2);
        int rounds = Integer.getInteger("bench.rounds", 4);
        BenchWorkload workload = new BenchWorkload(customers, Duration.ofHours(24).toMillis(), 42);
        List<Variation> variations = List.of(new Variation("library as is", false, false),
                new Variation("cart and browse adaptive", true, false),
                new Variation("cart and browse at best time (PT24H)", false, true),
                new Variation("both", true, true));
        List<CompiledRuleSet> compiled = new ArrayList<>();
        for (Variation v : variations) {
            compiled.add(new RuleSetCompiler().compile(ruleSet(v)));
        }
        System.out.printf(Locale.ROOT, "workload: %d customers, %d events%n", customers, workload.events.size());

        double[][] session = new double[variations.size()][];
        double[][] simulated = new double[variations.size()][];
        List<List<double[]>> sessionRuns = new ArrayList<>();
        List<List<double[]>> simRuns = new ArrayList<>();
        variations.forEach(v -> {
            sessionRuns.add(new ArrayList<>());
            simRuns.add(new ArrayList<>());
        });
        for (int round = 0; round < warmup + rounds; round++) {
            for (int i = 0; i < variations.size(); i++) {
                double[] s = session(compiled.get(i), workload);
                double[] m = simulation(compiled.get(i), workload);
                if (round >= warmup) {
                    sessionRuns.get(i).add(s);
                    simRuns.get(i).add(m);
                }
            }
            System.out.printf(Locale.ROOT, "round %d done%n", round);
        }
        for (int i = 0; i < variations.size(); i++) {
            session[i] = median(sessionRuns.get(i));
            simulated[i] = median(simRuns.get(i));
        }
        System.out.println();
        System.out.println("| library | session events/s | ratio | p99 µs | decisions | simulator events/s (2 partitions, "
                + "1 h periods) | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = 0; i < variations.size(); i++) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.1f | %.0f | %.0f | %.2f |%n", variations.get(i).name,
                    session[i][0], session[i][0] / session[0][0], session[i][1], session[i][2], simulated[i][0],
                    simulated[i][0] / simulated[0][0]);
        }
        policyBuild(1_000_000);
    }

    private static RuleSet ruleSet(Variation v) {
        RuleSet library = TriggerLibrary.ruleSet();
        List<TriggerSpec> triggers = library.triggers().stream().map(t -> !SHAPED.contains(t.id()) ? t
                : new TriggerSpec(t.id(), t.name(), t.description(), t.priority(), t.subject(), t.entry(), t.repeat(),
                t.waitDuration(), t.restartOn(), t.cancelOn(), t.oncePer(), t.templateId(), t.requires(),
                v.adaptive ? ARMS : t.variants(), t.guardrails(), t.experiment(), t.parameters(),
                v.adaptive ? AllocationMode.ADAPTIVE : null, v.bestTime ? Duration.ofHours(24) : null)).toList();
        return new RuleSet(library.name() + "-" + v.name.length(), library.drl(), triggers, library.guardrails());
    }

    /** Events/s, p99 µs per event and decisions of one session over the workload. */
    private static double[] session(CompiledRuleSet rules, BenchWorkload workload) {
        long[] latencies = new long[workload.events.size()];
        long[] decisions = new long[1];
        SessionListener count = new SessionListener() {
            @Override
            public void onDecision(EmailDecision d) {
                decisions[0]++;
            }

            @Override
            public void onSuppression(Suppression s) {
            }
        };
        long started = System.nanoTime();
        try (TriggerSession s = new TriggerSession(rules, SessionOptions.DEFAULTS, count, BenchWorkload.START)) {
            workload.profiles.forEach(s::putProfile);
            for (int i = 0; i < latencies.length; i++) {
                CustomerEvent e = workload.events.get(i);
                long t = System.nanoTime();
                s.advanceTo(e.occurredAt());
                s.offer(e);
                latencies[i] = System.nanoTime() - t;
            }
            s.advanceTo(workload.events.get(workload.events.size() - 1).occurredAt().plus(Duration.ofDays(4)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new double[] {latencies.length / seconds, latencies[(int) (0.99 * latencies.length)] / 1000.0,
                decisions[0]};
    }

    /** Events/s of the simulator, two partitions, learning periods when the rule set has adaptive triggers. */
    private static double[] simulation(CompiledRuleSet rules, BenchWorkload workload) throws InterruptedException {
        long started = System.nanoTime();
        new Simulator(rules, SimulationOptions.defaults().withPartitions(2)).run(workload.events, workload.profiles);
        return new double[] {workload.events.size() / ((System.nanoTime() - started) / 1e9)};
    }

    /**
     * How long one period's policy takes to build from {@code sends} ripe adaptive sends and a tenth as many clicks,
     * as the server does every period from its store; the first two builders warm the JIT.
     */
    private static void policyBuild(int sends) {
        long elapsed = 0;
        for (int round = 0; round < 3; round++) {
            SplittableRandom r = new SplittableRandom(7);
            PolicyBuilder builder = new PolicyBuilder(OptimizationSettings.DEFAULTS);
            Instant start = BenchWorkload.START;
            for (int i = 0; i < sends; i++) {
                Instant at = start.plusSeconds(r.nextInt(30 * 86_400));
                String id = "s" + i;
                builder.exposure(new PolicyBuilder.Exposure("cart", r.nextBoolean() ? "a" : "b",
                        "locale=" + (char) ('a' + r.nextInt(20)) + "|new", at, id));
                if (r.nextInt(10) == 0) {
                    builder.click(id, at.plusSeconds(600));
                }
            }
            long t = System.nanoTime();
            builder.build(start.plus(Duration.ofDays(31)));
            elapsed = System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "%npolicy of one period from %,d sends and their clicks: %.0f ms%n", sends,
                elapsed / 1e6);
    }

    private static double[] median(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        return sorted.get(sorted.size() / 2);
    }
}
