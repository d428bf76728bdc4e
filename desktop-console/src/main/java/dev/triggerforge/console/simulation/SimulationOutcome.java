package dev.triggerforge.console.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.report.RuleKpi;
import dev.triggerforge.model.report.SimulationReport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished local run: its report, each rule's funnel from trigger to conversion, the decisions with their
 * personalization (for email previews), what was asked, and how long it took.
 */
record SimulationOutcome(SimulationSettings settings, SimulationReport report, List<RuleKpi> funnel,
                         Map<String, EmailDecision> decisionsByKey, long events, Duration took) {
}
