package dev.triggerforge.console.dashboard;

import java.time.Duration;

/**
 * What the dashboard shows at one refresh: rates from the last two snapshots, latency percentiles over the recent
 * window (NaN when nothing was decided in it), and the current totals and lags.
 */
record Figures(double eventsPerSecond, double decisionsPerSecond, double sendsPerSecond, double failuresPerMinute,
               double latencyP50, double latencyP99, double ingestionLagP99, Snapshot now) {

    /** Rates between {@code previous} and {@code now}; percentiles of what was observed since {@code windowStart}. */
    static Figures between(Snapshot previous, Snapshot now, Snapshot windowStart) {
        double seconds = Math.max(0.001, Duration.between(previous.at(), now.at()).toMillis() / 1000.0);
        Histogram latency = now.latency().since(windowStart.latency());
        Histogram ingestion = now.ingestionLag().since(windowStart.ingestionLag());
        return new Figures(rate(now.events(), previous.events(), seconds),
                rate(now.decisions(), previous.decisions(), seconds), rate(now.sent(), previous.sent(), seconds),
                rate(now.failures(), previous.failures(), seconds) * 60, latency.quantile(0.5),
                latency.quantile(0.99), ingestion.quantile(0.99), now);
    }

    /** A counter's increase per second; a restart of the server (counter going down) counts from zero. */
    private static double rate(double now, double before, double seconds) {
        return (now >= before ? now - before : now) / seconds;
    }
}
