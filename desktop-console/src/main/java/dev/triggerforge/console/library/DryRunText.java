package dev.triggerforge.console.library;

import dev.triggerforge.model.report.ReportedSend;
import dev.triggerforge.model.report.WhatIfReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts a dry run's answer in sentences: sends of the active version against the candidate's, rule by rule. */
final class DryRunText {

    private DryRunText() {
    }

    /** One sentence, for the activation's confirmation. */
    static String summary(WhatIfReport report) {
        long difference = report.candidateSends() - report.baselineSends();
        return report.baselineSends() + " sends with the active version, " + report.candidateSends()
                + " with this one (" + signed(difference) + "); " + report.added().size() + " added, "
                + report.removed().size() + " removed, " + report.moved().size() + " at another time.";
    }

    static List<String> lines(WhatIfReport report, int hours) {
        List<String> lines = new ArrayList<>();
        lines.add("Dry run on the server's events of the last " + hours + " hours: " + report.baseline()
                + " (active) against " + report.candidate() + ".");
        lines.add(summary(report));
        Map<String, long[]> perRule = new TreeMap<>();
        report.added().forEach(s -> count(perRule, s, 0));
        report.removed().forEach(s -> count(perRule, s, 1));
        report.moved().forEach(m -> perRule.computeIfAbsent(m.ruleId(), r -> new long[3])[2]++);
        perRule.forEach((rule, c) -> lines.add("  " + rule + ": " + c[0] + " added, " + c[1] + " removed, " + c[2]
                + " moved (" + signed(c[0] - c[1]) + ")"));
        if (perRule.isEmpty()) {
            lines.add("  No rule sends differently.");
        }
        return lines;
    }

    private static void count(Map<String, long[]> perRule, ReportedSend send, int slot) {
        perRule.computeIfAbsent(send.ruleId(), r -> new long[3])[slot]++;
    }

    static String signed(long value) {
        return (value > 0 ? "+" : "") + value;
    }
}
