package dev.triggerforge.rules.cli;

import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.RuleSummary;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.report.VariantResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The few lines a marketer reads after a simulation; the JSON report has the rest. */
final class Summary {

    private Summary() {
    }

    static void print(SimulationReport r, PrintWriter out, Path reportFile, double seconds) {
        out.printf(Locale.ROOT, "Rule set '%s', %s to %s%n", r.ruleSet(), r.from(), r.until());
        out.printf(Locale.ROOT, "  events read: %,d   rejected lines: %,d   duplicates: %,d   late: %,d%n",
                r.events(), r.rejected().size(), r.duplicates(), r.late());
        Map<String, Long> reasons = new TreeMap<>();
        r.suppressions().forEach(s -> reasons.merge(s.reason().wireName(), 1L, Long::sum));
        out.printf(Locale.ROOT, "  sends: %,d   suppressions: %,d %s%n", r.sends().size(), r.suppressions().size(),
                reasons.isEmpty() ? "" : reasons);
        r.perRule().forEach((rule, s) -> out.printf(Locale.ROOT, "    %-24s %,8d sends   delay p50 %s   %s%n", rule,
                s.sends(), duration(s.delay().p50Seconds()), suppressed(s)));
        for (ExperimentResult e : r.experiments()) {
            out.printf(Locale.ROOT, "  experiment %s:%n", e.experimentId());
            for (VariantResult v : e.variants()) {
                out.printf(Locale.ROOT, "    %-10s %,7d %s  conversion %.2f%% [%.2f, %.2f]%s%n", v.variant(), v.sends(),
                        v.holdout() ? "held out" : "sends   ", 100 * v.conversionRate().value(),
                        100 * v.conversionRate().low(), 100 * v.conversionRate().high(),
                        v.vsControl() == null ? "  (control)" : String.format(Locale.ROOT,
                                "  %s vs %s: always-valid p=%.4f, P(beat)=%.1f%%%s", v.vsControl().metric().wireName(),
                                v.vsControl().against(), v.vsControl().alwaysValidPValue(),
                                100 * v.vsControl().probabilityToBeat(),
                                v.vsControl().significant() ? " significant" : ""));
            }
            out.printf(Locale.ROOT, "    verdict: %s. %s%n", e.recommendation().verdict().wireName(),
                    e.recommendation().reason());
        }
        out.printf(Locale.ROOT, "  conflicts: %,d customers with sends from several rules within a window%n",
                r.conflicts().size());
        if (reportFile != null) {
            out.printf(Locale.ROOT, "  report: %s%n", reportFile);
        }
        out.printf(Locale.ROOT, "  took %.1f s%n", seconds);
        out.flush();
    }

    private static String suppressed(RuleSummary s) {
        return s.suppressions().isEmpty() ? "" : "suppressed " + s.suppressions();
    }

    private static String duration(double seconds) {
        if (seconds >= 86_400) {
            return String.format(Locale.ROOT, "%.1fd", seconds / 86_400);
        }
        if (seconds >= 3_600) {
            return String.format(Locale.ROOT, "%.1fh", seconds / 3_600);
        }
        return String.format(Locale.ROOT, "%.0fm", seconds / 60);
    }
}
