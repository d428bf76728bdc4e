package dev.triggerforge.console.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Counters add up over their labels, and percentiles come from the buckets observed between two scrapes. */
class PrometheusTextTest {

    private static final String FIRST = """
            # HELP triggerforge_events_consumed_total
            # TYPE triggerforge_events_consumed_total counter
            triggerforge_events_consumed_total{type="cart_add",} 10.0
            triggerforge_events_consumed_total{type="custom:x",} 5.0
            triggerforge_sends_total{provider="log",status="sent",} 4.0
            triggerforge_sends_total{provider="log",status="failed",} 1.0
            triggerforge_events_rejected_total 2.0
            triggerforge_outbox_lag_seconds 0.5
            triggerforge_event_decision_latency_seconds_bucket{le="0.01",} 10.0
            triggerforge_event_decision_latency_seconds_bucket{le="0.1",} 10.0
            triggerforge_event_decision_latency_seconds_bucket{le="+Inf",} 10.0
            """;
    private static final String SECOND = """
            triggerforge_events_consumed_total{type="cart_add",} 16.0
            triggerforge_events_consumed_total{type="custom:x",} 5.0
            triggerforge_sends_total{provider="log",status="sent",} 4.0
            triggerforge_sends_total{provider="log",status="failed",} 1.0
            triggerforge_events_rejected_total 2.0
            triggerforge_event_decision_latency_seconds_bucket{le="0.01",} 10.0
            triggerforge_event_decision_latency_seconds_bucket{le="0.1",} 110.0
            triggerforge_event_decision_latency_seconds_bucket{le="+Inf",} 110.0
            """;

    @Test
    void countersAddUpOverLabelsAndMatchOnTheOnesAskedFor() {
        PrometheusText metrics = PrometheusText.parse(FIRST);

        assertThat(metrics.sum("triggerforge_events_consumed_total")).isEqualTo(15.0);
        assertThat(metrics.sum("triggerforge_sends_total", Map.of("status", "failed"))).isEqualTo(1.0);
        assertThat(metrics.sum("triggerforge_outbox_lag_seconds")).isEqualTo(0.5);
        assertThat(Snapshot.of(metrics, Instant.EPOCH).failures()).isEqualTo(3.0);
    }

    @Test
    void ratesAndPercentilesComeFromTheDifferenceOfTwoScrapes() {
        Snapshot first = Snapshot.of(PrometheusText.parse(FIRST), Instant.parse("2026-11-23T10:00:00Z"));
        Snapshot second = Snapshot.of(PrometheusText.parse(SECOND), Instant.parse("2026-11-23T10:00:02Z"));

        Figures f = Figures.between(first, second, first);

        assertThat(f.eventsPerSecond()).isEqualTo(3.0);
        // the 100 new observations all lie between 10 and 100 ms: the median halfway, p99 near the top
        assertThat(f.latencyP50()).isCloseTo(0.055, within(1e-9));
        assertThat(f.latencyP99()).isCloseTo(0.0991, within(1e-9));
        assertThat(second.latency().quantile(0.05)).isCloseTo(0.0055, within(1e-9));
        assertThat(Histogram.EMPTY.quantile(0.5)).isNaN();
    }
}
