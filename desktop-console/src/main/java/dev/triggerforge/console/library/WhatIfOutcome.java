package dev.triggerforge.console.library;

import dev.triggerforge.model.report.Conflict;
import dev.triggerforge.model.report.WhatIfReport;

import java.time.Duration;
import java.util.List;

/** A finished local what-if: sends per rule before and after, the difference, and the candidate's overlaps. */
record WhatIfOutcome(String baseline, List<RuleSends> perRule, WhatIfReport difference, List<Conflict> overlaps,
                     long events, Duration took) {

    /** One rule's sends with the baseline and with the candidate. */
    record RuleSends(String ruleId, long baseline, long candidate) {

        long difference() {
            return candidate - baseline;
        }
    }
}
