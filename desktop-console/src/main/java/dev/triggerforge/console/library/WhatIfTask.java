package dev.triggerforge.console.library;

import dev.triggerforge.console.simulation.SimulationInput;
import dev.triggerforge.console.simulation.SimulationSettings;
import dev.triggerforge.model.report.RejectedLine;
import dev.triggerforge.model.report.ReportedSend;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.simulation.Conflicts;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.simulation.WhatIf;
import javafx.concurrent.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * A local what-if, off the JavaFX thread: the baseline (the active version) and the candidate (the working copy)
 * simulated on the same events until the same moment, compared send by send, with the candidate's overlaps.
 */
final class WhatIfTask extends Task<WhatIfOutcome> {

    /** How many malformed lines of a recorded file are named; the rest are counted. */
    static final int NAMED_LINES = 10;

    private final SimulationSettings input;
    private final Callable<RuleSet> baseline;
    private final RuleSet candidate;
    private final Runnable whenStopped;

    /** {@code baseline} is fetched on the task's thread, since it may ask the server for the active version. */
    /** {@code whenStopped} runs on the task's thread once its work has really ended, however it ended. */
    WhatIfTask(SimulationSettings input, Callable<RuleSet> baseline, RuleSet candidate, Runnable whenStopped) {
        this.input = input;
        this.baseline = baseline;
        this.candidate = candidate;
        this.whenStopped = whenStopped;
    }

    @Override
    protected WhatIfOutcome call() throws Exception {
        try {
            return compare();
        } finally {
            whenStopped.run();
        }
    }

    private WhatIfOutcome compare() throws Exception {
        long started = System.nanoTime();
        updateProgress(-1, 1);
        updateMessage("Fetching the active version…");
        RuleSet before = baseline.call();
        updateMessage(input.recorded() ? "Reading " + input.recordedEvents().getFileName() + "…"
                : "Generating " + input.customers() + " customers over " + input.days() + " days…");
        SimulationInput loaded = SimulationInput.of(input);
        if (!loaded.rejected().isEmpty()) {
            throw new IllegalArgumentException(rejection(loaded.rejected()));
        }
        stopIfCancelled();
        updateMessage("Compiling both rule sets…");
        RuleSetCompiler compiler = new RuleSetCompiler();
        CompiledRuleSet a = compiler.compile(before);
        CompiledRuleSet b = compiler.compile(candidate);
        stopIfCancelled();
        SimulationOptions options = input.engagement(loaded.events()).withUntil(later(
                new Simulator(a, SimulationOptions.defaults()).horizon(loaded.events()),
                new Simulator(b, SimulationOptions.defaults()).horizon(loaded.events())));
        updateMessage("Simulating " + before.name() + " on " + loaded.events().size() + " events…");
        SimulationReport reportA = report(a, loaded, withProgress(options, 0));
        updateMessage("Simulating " + candidate.name() + " on the same events…");
        SimulationReport reportB = report(b, loaded, withProgress(options, 1));
        stopIfCancelled();
        updateProgress(1, 1);
        return new WhatIfOutcome(before.name(), perRule(reportA.sends(), reportB.sends()),
                WhatIf.compare(reportA, reportB), Conflicts.find(reportB.sends(), options.conflictWindow()),
                loaded.events().size(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static SimulationReport report(CompiledRuleSet rules, SimulationInput input, SimulationOptions options)
            throws InterruptedException {
        return SimulationReports.report(rules, new Simulator(rules, options).run(input.events(), input.profiles()),
                input.events(), input.rejected(), options);
    }

    /** Names the malformed lines of a recorded file: comparing on part of it would mislead. */
    private String rejection(List<RejectedLine> rejected) {
        String named = rejected.stream().limit(NAMED_LINES).map(SimulationInput::describe)
                .collect(Collectors.joining("\n"));
        int more = rejected.size() - NAMED_LINES;
        boolean one = rejected.size() == 1;
        return "The recorded files have " + rejected.size() + " malformed line" + (one ? "" : "s") + "; fix "
                + (one ? "it" : "them") + " and run again.\n" + named + (more > 0 ? "\n… and " + more + " more" : "");
    }

    /** Progress over both runs: the baseline fills the first half of the bar, the candidate the second. */
    private SimulationOptions withProgress(SimulationOptions options, int half) {
        return options.withProgress((processed, total) -> {
            stopIfCancelled();
            updateProgress(half * total + processed, 2L * total);
        });
    }

    private static List<WhatIfOutcome.RuleSends> perRule(List<ReportedSend> a, List<ReportedSend> b) {
        Map<String, long[]> counts = new TreeMap<>();
        a.forEach(s -> counts.computeIfAbsent(s.ruleId(), r -> new long[2])[0]++);
        b.forEach(s -> counts.computeIfAbsent(s.ruleId(), r -> new long[2])[1]++);
        List<WhatIfOutcome.RuleSends> rows = new ArrayList<>();
        counts.forEach((rule, c) -> rows.add(new WhatIfOutcome.RuleSends(rule, c[0], c[1])));
        return rows;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void stopIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("what-if cancelled");
        }
    }
}
