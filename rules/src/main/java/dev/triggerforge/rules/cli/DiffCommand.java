package dev.triggerforge.rules.cli;

import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.report.WhatIfReport;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.simulation.EventFiles;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.simulation.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code diff}: what changes if a candidate rule set replaces another, on the same events. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two rule sets on the same events: sends added, removed and moved in time.")
final class DiffCommand implements Callable<Integer> {

    private static final int EXAMPLES = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", required = true, arity = "1..*", paramLabel = "PATH", description = "The candidate rule set.")
    List<Path> candidate;

    @Option(names = "--against", required = true, arity = "1..*", paramLabel = "PATH", description = "The baseline rule set.")
    List<Path> baseline;

    @Option(names = "--events", required = true, paramLabel = "FILE.jsonl", description = "Events, one per line.")
    Path events;

    @Option(names = "--profiles", paramLabel = "FILE.jsonl", description = "Customer profiles, one per line.")
    Path profiles;

    @Option(names = "--until", paramLabel = "INSTANT", description = "End of both runs.")
    Instant until;

    @Option(names = "--out", paramLabel = "diff.json", description = "Write the full difference here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        CompiledRuleSet before = RulesOption.compile(baseline);
        CompiledRuleSet after = RulesOption.compile(candidate);
        EventFiles.Inputs inputs = EventFiles.read(events, profiles);
        SimulationOptions options = SimulationOptions.defaults().withUntil(until);
        if (until == null) {
            options = options.withUntil(later(new Simulator(before, options).horizon(inputs.events()),
                    new Simulator(after, options).horizon(inputs.events())));
        }
        SimulationReport a = report(before, inputs, options);
        SimulationReport b = report(after, inputs, options);
        WhatIfReport diff = WhatIf.compare(a, b);
        if (out != null) {
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), diff);
        }
        print(diff, spec.commandLine().getOut());
        return 0;
    }

    private static SimulationReport report(CompiledRuleSet rules, EventFiles.Inputs inputs, SimulationOptions options)
            throws InterruptedException {
        return SimulationReports.report(rules, new Simulator(rules, options).run(inputs.events(), inputs.profiles()),
                inputs.events(), inputs.rejected(), options);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void print(WhatIfReport d, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %,d sends   %s: %,d sends%n", d.baseline(), d.baselineSends(), d.candidate(),
                d.candidateSends());
        out.printf(Locale.ROOT, "  added: %,d   removed: %,d   moved: %,d%n", d.added().size(), d.removed().size(),
                d.moved().size());
        d.added().stream().limit(EXAMPLES).forEach(s -> out.printf("  + %s %s %s%n", s.sendAt(), s.customerId(), s.ruleId()));
        d.removed().stream().limit(EXAMPLES).forEach(s -> out.printf("  - %s %s %s%n", s.sendAt(), s.customerId(), s.ruleId()));
        d.moved().stream().limit(EXAMPLES).forEach(m -> out.printf("  ~ %s %s %s -> %s%n", m.customerId(), m.ruleId(),
                m.from(), m.to()));
        out.flush();
    }
}
