package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.optimization.PolicyBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the partitions of a simulation one learning period at a time when the rule set has adaptive triggers: at each
 * period's end every partition stops, their sends, clicks and reading hours become the next period's policy, and
 * all partitions go on with it, as every server partition does. Without adaptive triggers it is one step.
 */
final class LearningPeriods {

    /** Runs one step of every partition, side by side. */
    interface Step {
        void runAll(long limit) throws InterruptedException;
    }

    private final CompiledRuleSet rules;
    private final OptimizationSettings settings;
    private final List<PartitionRun> runs;
    private final PolicyBuilder builder;
    private final int[] decisionsSeen;
    private final int[] responsesSeen;
    private final List<PolicySnapshot> policies = new ArrayList<>();

    LearningPeriods(CompiledRuleSet rules, OptimizationSettings settings, List<PartitionRun> runs) {
        this.rules = rules;
        this.settings = settings;
        this.runs = runs;
        this.builder = new PolicyBuilder(settings);
        this.decisionsSeen = new int[runs.size()];
        this.responsesSeen = new int[runs.size()];
    }

    /** Whether any trigger learns, so the partitions must meet at period ends. */
    static boolean needed(CompiledRuleSet rules) {
        return rules.triggers().values().stream().anyMatch(t -> t.isAdaptive() || t.bestTimeWithin() != null);
    }

    /** Runs every partition up to {@code until}, a period at a time; returns the policies of the periods. */
    List<PolicySnapshot> run(Instant from, Instant until, Step step) throws InterruptedException {
        long end = until.toEpochMilli();
        long period = settings.period().toMillis();
        for (long boundary = settings.periodStart(from.toEpochMilli()) + period; boundary <= end;
             boundary += period) {
            step.runAll(boundary - 1);
            PolicySnapshot next = learn(Instant.ofEpochMilli(boundary));
            policies.add(next);
            Policy policy = new Policy(next, settings);
            runs.forEach(r -> r.session().usePolicy(policy));
        }
        step.runAll(end);
        return policies;
    }

    private PolicySnapshot learn(Instant boundary) {
        for (int p = 0; p < runs.size(); p++) {
            PartitionRun run = runs.get(p);
            List<EmailDecision> decisions = run.decisions();
            for (int i = decisionsSeen[p]; i < decisions.size(); i++) {
                exposure(decisions.get(i));
            }
            decisionsSeen[p] = decisions.size();
            List<CustomerEvent> responses = run.responses();
            for (int i = responsesSeen[p]; i < responses.size(); i++) {
                CustomerEvent e = responses.get(i);
                String sendId = e.text("sendId");
                if (e.is(EventType.EMAIL_CLICK) && sendId != null) {
                    builder.click(sendId, e.occurredAt());
                }
            }
            responsesSeen[p] = responses.size();
        }
        builder.clearReading();
        runs.forEach(r -> builder.reading(r.session().optimizer().readingHours()));
        return builder.build(boundary);
    }

    private void exposure(EmailDecision d) {
        TriggerSpec spec = rules.triggers().get(d.ruleId());
        if (spec == null || !spec.isAdaptive() || d.variant() == null || d.explanation() == null
                || d.explanation().variantProbabilities().isEmpty()) {
            return;
        }
        builder.exposure(new PolicyBuilder.Exposure(spec.experimentId(), d.variant(), d.explanation().segment(),
                d.sendAt(), d.idempotencyKey()));
    }
}
