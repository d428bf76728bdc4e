package dev.triggerforge.rules.bench;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.session.SessionListener;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.TriggerSession;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Activation cost against rule count: how long a rule set of 10, 100 and 1000 generated triggers (plus the library)
 * takes to compile, and how long a session holding 20,000 customers with waits in flight takes to swap to it.
 * Compilation happens at upload in the server; the swap is what an activation costs each partition.
 */
public final class SwapBench {

    private static final int CUSTOMERS = Integer.getInteger("bench.swap.customers", 20_000);
    private static final int ROUNDS = 5;
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    public static void main(String[] args) throws Exception {
        RuleSetCompiler compiler = new RuleSetCompiler();
        compiler.compile(ruleSet(10, "warm-up"));
        System.out.printf("| triggers | compile (median ms) | swap with %,d customers (median ms) | waits kept |%n", CUSTOMERS);
        System.out.println("|---|---|---|---|");
        for (int count : new int[]{10, 100, 1000}) {
            long[] compile = new long[ROUNDS];
            CompiledRuleSet[] versions = new CompiledRuleSet[ROUNDS + 1];
            for (int r = 0; r <= ROUNDS; r++) {
                long started = System.nanoTime();
                versions[r] = compiler.compile(ruleSet(count, "v" + r));
                if (r > 0) {
                    compile[r - 1] = System.nanoTime() - started;
                }
            }
            try (TriggerSession session = loaded(versions[0])) {
                long[] swap = new long[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    long started = System.nanoTime();
                    session.swapRules(versions[r + 1], false);
                    swap[r] = System.nanoTime() - started;
                }
                System.out.printf("| %d | %.0f | %.1f | %,d |%n", count, median(compile), median(swap),
                        session.pendingWaits());
            }
        }
    }

    private static TriggerSession loaded(CompiledRuleSet rules) {
        SessionListener quiet = new SessionListener() {
            @Override
            public void onDecision(EmailDecision decision) {
            }

            @Override
            public void onSuppression(Suppression suppression) {
            }
        };
        TriggerSession session = new TriggerSession(rules, SessionOptions.DEFAULTS, quiet, T0);
        for (int c = 0; c < CUSTOMERS; c++) {
            String id = "c" + c;
            session.putProfile(new CustomerProfile(id, id + "@example.com", "UTC", "en", true, Map.of(), Map.of()));
            session.offer(new CustomerEvent("e" + c, id, EventType.CART_ADD, T0,
                    Map.of("sku", "S" + (c % 50), "price", 10, "quantity", 1)));
        }
        return session;
    }

    private static RuleSet ruleSet(int generated, String name) {
        List<TriggerSpec> specs = new ArrayList<>(TriggerLibrary.specs());
        specs.addAll(GeneratedTriggers.of(generated));
        return new RuleSet(name, List.of(), specs, TriggerLibrary.ruleSet().guardrails());
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
