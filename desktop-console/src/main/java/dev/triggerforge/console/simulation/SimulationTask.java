package dev.triggerforge.console.simulation;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.synthetic.EngagementModel;
import dev.triggerforge.rules.synthetic.EngagementRates;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * One local simulation, off the JavaFX thread: generates synthetic customers, compiles the rules, runs them with
 * simulated engagement and builds the report; cancelling stops the partitions at their next progress report.
 */
final class SimulationTask extends Task<SimulationOutcome> {

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
        updateMessage("Generating " + settings.customers() + " customers over " + settings.days() + " days…");
        updateProgress(-1, 1);
        SyntheticTraffic traffic = SyntheticTraffic.generate(settings.traffic());
        stopIfCancelled();
        updateMessage("Compiling " + rules.name() + "…");
        CompiledRuleSet compiled = new RuleSetCompiler().compile(rules);
        stopIfCancelled();
        List<CustomerEvent> events = traffic.events();
        SimulationOptions options = SimulationOptions.defaults()
                .withResponses(new EngagementModel(settings.seed(), EngagementRates.DEFAULTS, Map.of(),
                        EngagementModel.eventTimes(events)))
                .withTimelines(settings.recordsTimelines() ? customers(traffic.profiles()) : Set.of())
                .withProgress((processed, total) -> {
                    stopIfCancelled();
                    updateProgress(processed, total);
                });
        updateMessage("Simulating " + events.size() + " events…");
        SimulationRun run = new Simulator(compiled, options).run(events, traffic.profiles());
        stopIfCancelled();
        SimulationReport report = SimulationReports.report(compiled, run, events, List.of(), options);
        updateProgress(1, 1);
        return new SimulationOutcome(settings, report, events.size(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static Set<String> customers(List<CustomerProfile> profiles) {
        return profiles.stream().map(CustomerProfile::customerId).collect(Collectors.toSet());
    }

    /** Ends the run, from the task's thread or a partition's, once the marketer has pressed Cancel. */
    private void stopIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("simulation cancelled");
        }
    }
}
