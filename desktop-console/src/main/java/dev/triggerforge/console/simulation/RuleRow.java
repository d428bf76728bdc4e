package dev.triggerforge.console.simulation;

import dev.triggerforge.model.report.RuleSummary;
import dev.triggerforge.model.report.SimulationReport;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One line of the per-rule summary: what a rule sent, what the guardrails held back and why, and how fast. */
record RuleRow(String ruleId, long sends, long suppressed, String reasons, String medianDelay) {

    static List<RuleRow> of(SimulationReport report) {
        return report.perRule().entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
    }

    private static RuleRow of(String ruleId, RuleSummary summary) {
        Map<String, Long> reasons = summary.suppressions();
        long suppressed = reasons.values().stream().mapToLong(Long::longValue).sum();
        String why = reasons.entrySet().stream().map(r -> r.getKey() + " " + r.getValue())
                .collect(Collectors.joining(", "));
        String delay = summary.delay().count() == 0 ? "" : duration(summary.delay().p50Seconds());
        return new RuleRow(ruleId, summary.sends(), suppressed, why, delay);
    }

    /** Seconds as the largest sensible unit, e.g. {@code 2.5 h}. */
    static String duration(double seconds) {
        if (seconds >= 86_400) {
            return String.format("%.1f d", seconds / 86_400);
        }
        if (seconds >= 3_600) {
            return String.format("%.1f h", seconds / 3_600);
        }
        return seconds >= 60 ? String.format("%.0f min", seconds / 60) : String.format("%.0f s", seconds);
    }
}
