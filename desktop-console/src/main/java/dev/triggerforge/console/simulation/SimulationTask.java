package dev.triggerforge.console.simulation;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.report.RuleKpi;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.experiment.CampaignKpis;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * One local simulation, off the JavaFX thread: generates synthetic customers or reads a recorded file, compiles the
 * rules, runs them with simulated engagement and builds the report and funnels; cancelling stops the partitions at
 * their next progress report.
 */
final class SimulationTask extends Task<SimulationOutcome> {

    /** How long after a send an open, click or purchase still counts for it, as experiments count by default. */
    private static final Duration ATTRIBUTION = Duration.ofDays(7);

    private final SimulationSettings settings;
    private final RuleSet rules;
    private final Runnable whenStopped;

    SimulationTask(SimulationSettings settings, RuleSet rules, Runnable whenStopped) {
        this.settings = settings;
        this.rules = rules;
        this.whenStopped = whenStopped;
    }

    @Override
    protected SimulationOutcome call() throws Exception {
        try {
            return simulate();
        } finally {
            whenStopped.run();
        }
    }

    private SimulationOutcome simulate() throws Exception {
        long started = System.nanoTime();
        updateMessage(settings.recorded() ? "Reading " + settings.recordedEvents().getFileName() + "…"
                : "Generating " + settings.customers() + " customers over " + settings.days() + " days…");
        updateProgress(-1, 1);
        SimulationInput input = SimulationInput.of(settings);
        stopIfCancelled();
        updateMessage("Compiling " + rules.name() + "…");
        CompiledRuleSet compiled = new RuleSetCompiler().compile(rules);
        stopIfCancelled();
        List<CustomerEvent> events = input.events();
        SimulationOptions options = settings.engagement(events)
                .withTimelines(input.customers() <= SimulationSettings.TIMELINE_LIMIT ? customers(input) : Set.of())
                .withProgress((processed, total) -> {
                    stopIfCancelled();
                    updateProgress(processed, total);
                });
        updateMessage("Simulating " + events.size() + " events…");
        SimulationRun run = new Simulator(compiled, options).run(events, input.profiles());
        stopIfCancelled();
        SimulationReport report = SimulationReports.report(compiled, run, events, input.rejected(), options);
        updateProgress(1, 1);
        return new SimulationOutcome(settings, report, funnel(report, run, events), byKey(run.decisions()),
                events.size(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Each rule's sends followed to opens, clicks and purchases, from the events and the simulated answers. */
    private static List<RuleKpi> funnel(SimulationReport report, SimulationRun run, List<CustomerEvent> events) {
        List<CustomerEvent> all = new ArrayList<>(events.size() + run.responses().size());
        all.addAll(events);
        all.addAll(run.responses());
        return report.perRule().keySet().stream().sorted()
                .map(rule -> CampaignKpis.compute(rule, run.decisions(), all, ATTRIBUTION, 0.95)).toList();
    }

    private static Map<String, EmailDecision> byKey(List<EmailDecision> decisions) {
        Map<String, EmailDecision> keyed = new HashMap<>(decisions.size() * 2);
        decisions.forEach(d -> keyed.putIfAbsent(d.idempotencyKey(), d));
        return keyed;
    }

    private static Set<String> customers(SimulationInput input) {
        Set<String> ids = new HashSet<>();
        input.profiles().forEach(p -> ids.add(p.customerId()));
        input.events().forEach(e -> ids.add(e.customerId()));
        return ids;
    }

    /** Ends the run, from the task's thread or a partition's, once the marketer has pressed Cancel. */
    private void stopIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("simulation cancelled");
        }
    }
}
