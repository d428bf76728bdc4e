package dev.triggerforge.console.simulation;

import dev.triggerforge.model.report.SimulationReport;

import java.time.Duration;

/** A finished local run: its report, what was asked, and how long it took, for the result panes to show. */
record SimulationOutcome(SimulationSettings settings, SimulationReport report, long events, Duration took) {
}
