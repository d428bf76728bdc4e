package dev.triggerforge.server.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what reaches the server: events consumed by type, messages rejected to the dead-letter queue, and how old
 * each event is when it arrives (ingestion lag, from {@code occurredAt} to receipt): the first measure of freshness.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter rejected;
    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();
    private final Map<String, Timer> lag = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rejected = Counter.builder("triggerforge.events.rejected")
                .description("Messages sent to the dead-letter queue").register(registry);
    }

    public void consumed(String type) {
        consumed.computeIfAbsent(type, t -> Counter.builder("triggerforge.events.consumed").tag("type", t)
                .register(registry)).increment();
    }

    /** Negative lags (a device clock ahead of ours) count as zero. */
    public void ingestionLag(String lane, Duration sinceOccurred) {
        lag.computeIfAbsent(lane, l -> Timer.builder("triggerforge.events.ingestion.lag").tag("lane", l)
                        .description("From an event's occurredAt to the server receiving it")
                        .publishPercentileHistogram().register(registry))
                .record(sinceOccurred.isNegative() ? Duration.ZERO : sinceOccurred);
    }

    public void rejected() {
        rejected.increment();
    }
}
