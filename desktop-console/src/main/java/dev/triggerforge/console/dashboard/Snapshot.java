package dev.triggerforge.console.dashboard;

import java.time.Instant;
import java.util.Map;

/** The server's counters, latency histograms and lags at one moment, as the dashboard needs them. */
record Snapshot(Instant at, double events, double decisions, double sent, double failedSends, double rejected,
                Histogram latency, Histogram ingestionLag, double outboxLagSeconds, double policyAgeSeconds) {

    static Snapshot of(PrometheusText metrics, Instant at) {
        return new Snapshot(at, metrics.sum("triggerforge_events_consumed_total"),
                metrics.sum("triggerforge_decisions_total"),
                metrics.sum("triggerforge_sends_total", Map.of("status", "sent")),
                metrics.sum("triggerforge_sends_total", Map.of("status", "failed")),
                metrics.sum("triggerforge_events_rejected_total"),
                metrics.histogram("triggerforge_event_decision_latency_seconds"),
                metrics.histogram("triggerforge_events_ingestion_lag_seconds"),
                metrics.sum("triggerforge_outbox_lag_seconds"),
                metrics.sum("triggerforge_optimization_policy_age_seconds"));
    }

    double failures() {
        return failedSends + rejected;
    }
}
