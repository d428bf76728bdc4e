package dev.triggerforge.server.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts what reaches the server: events consumed by type, and messages rejected to the dead-letter queue. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter rejected;
    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rejected = Counter.builder("triggerforge.events.rejected")
                .description("Messages sent to the dead-letter queue").register(registry);
    }

    void consumed(String type) {
        consumed.computeIfAbsent(type, t -> Counter.builder("triggerforge.events.consumed").tag("type", t)
                .register(registry)).increment();
    }

    void rejected() {
        rejected.increment();
    }
}
