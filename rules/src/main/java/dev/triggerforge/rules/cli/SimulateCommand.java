package dev.triggerforge.rules.cli;

import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.simulation.EventFiles;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.synthetic.EngagementModel;
import dev.triggerforge.rules.synthetic.EngagementRates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code simulate}: what a rule set would do on recorded events, as a short summary and a JSON report. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a rule set over events (JSON Lines) and report sends, suppressions, experiments and conflicts.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", required = true, paramLabel = "FILE.jsonl", description = "Events, one per line.")
    Path events;

    @Option(names = "--profiles", paramLabel = "FILE.jsonl", description = "Customer profiles, one per line.")
    Path profiles;

    @Option(names = "--rules", arity = "1..*", paramLabel = "PATH",
            description = "DRL files, trigger spec JSON files or directories of them (default: the built-in library).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--until", paramLabel = "INSTANT",
            description = "End of the run, e.g. 2026-01-12T00:00:00Z (default: last event + longest wait + quiet hours).")
    Instant until;

    @Option(names = "--out", paramLabel = "report.json", description = "Write the full JSON report here.")
    Path out;

    @Option(names = "--partitions", paramLabel = "N", description = "Sessions run side by side (default: cores).")
    Integer partitions;

    @Option(names = "--timeline", paramLabel = "CUSTOMER", description = "Include this customer's timeline (repeatable).")
    List<String> timelines = new ArrayList<>();

    @Option(names = "--engagement-seed", paramLabel = "SEED",
            description = "Let simulated customers open, click and buy in answer to sends (synthetic data only).")
    Long engagementSeed;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        CompiledRuleSet compiled = RulesOption.compile(rules);
        EventFiles.Inputs inputs = EventFiles.read(events, profiles);
        SimulationOptions options = SimulationOptions.defaults().withUntil(until).withTimelines(Set.copyOf(timelines));
        if (partitions != null) {
            options = options.withPartitions(partitions);
        }
        if (engagementSeed != null) {
            options = options.withResponses(new EngagementModel(engagementSeed, EngagementRates.DEFAULTS, Map.of(),
                    EngagementModel.eventTimes(inputs.events())));
        }
        if (!quiet) {
            options = options.withProgress(new ProgressBar(spec.commandLine().getErr(), System.console() != null));
        }
        SimulationRun run = new Simulator(compiled, options).run(inputs.events(), inputs.profiles());
        SimulationReport report = SimulationReports.report(compiled, run, inputs.events(), inputs.rejected(), options);
        if (out != null) {
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
        }
        Summary.print(report, spec.commandLine().getOut(), out, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
