package dev.triggerforge.rules.bench;

import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationReports;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * The simulator benchmark behind docs/benchmarks.md, run with {@code ./mvnw -pl rules -Pbench-sim verify}: synthetic
 * traffic (100k customers, 7 days, about a million events) through the built-in library with one partition and with
 * two, alternately in the same JVM, reporting time, throughput and peak heap.
 */
public final class SimulationBench {

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("bench.customers", 100_000);
        int days = Integer.getInteger("bench.days", 7);
        int rounds = Integer.getInteger("bench.rounds", 2);
        long started = System.nanoTime();
        SyntheticTraffic traffic = SyntheticTraffic.generate(SyntheticConfig.of(customers, days, 42));
        System.out.printf(Locale.ROOT, "generated %,d events of %,d customers over %d days in %.1f s%n",
                traffic.events().size(), customers, days, (System.nanoTime() - started) / 1e9);
        CompiledRuleSet library = new RuleSetCompiler().compile(TriggerLibrary.ruleSet());

        run(library, traffic, 2, false);
        System.out.println("| partitions | events | seconds | events/s | sends | suppressions | peak heap MB |");
        System.out.println("|---|---|---|---|---|---|---|");
        double[] seconds = new double[3];
        for (int round = 0; round < rounds; round++) {
            for (int partitions : List.of(1, 2)) {
                seconds[partitions] += run(library, traffic, partitions, true);
            }
        }
        System.out.printf(Locale.ROOT, "%nspeed-up 2 partitions / 1 partition (mean of %d rounds each): %.2f%n", rounds,
                seconds[1] / seconds[2]);
    }

    private static double run(CompiledRuleSet rules, SyntheticTraffic traffic, int partitions, boolean print)
            throws InterruptedException {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        SimulationOptions options = SimulationOptions.defaults().withPartitions(partitions);
        long started = System.nanoTime();
        SimulationRun run = new Simulator(rules, options).run(traffic.events(), traffic.profiles());
        SimulationReport report = SimulationReports.report(rules, run, traffic.events(), List.of(), options);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (print) {
            System.out.printf(Locale.ROOT, "| %d | %,d | %.2f | %,.0f | %,d | %,d | %,.0f |%n", partitions,
                    report.events(), seconds, report.events() / seconds, report.sends().size(),
                    report.suppressions().size(), peak / 1e6);
        }
        return seconds;
    }
}
