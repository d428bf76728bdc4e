package dev.triggerforge.server.cluster;

import dev.triggerforge.server.engine.Engine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What operators watch in cluster mode: which partition queues this instance owns (one gauge per partition, 1 or 0,
 * and their count) and how often ownership changed, so a failover or a flapping instance shows on a dashboard.
 */
@ApplicationScoped
public class ClusterMetrics {

    private final MeterRegistry registry;
    private final Engine engine;
    private Counter acquired;
    private Counter released;

    ClusterMetrics(MeterRegistry registry, Engine engine) {
        this.registry = registry;
        this.engine = engine;
    }

    void register(int partitions) {
        for (int i = 0; i < partitions; i++) {
            int n = i;
            Gauge.builder("triggerforge.cluster.partition.owned", engine,
                            e -> e.ownedPartitions().contains(n) ? 1 : 0)
                    .description("1 while this instance owns the partition queue, else 0")
                    .tag("partition", Integer.toString(i)).register(registry);
        }
        Gauge.builder("triggerforge.cluster.partitions.owned", engine, e -> e.ownedPartitions().size())
                .description("Partition queues this instance owns").register(registry);
        acquired = Counter.builder("triggerforge.cluster.ownership.changes").tag("change", "acquired")
                .description("Partition queues this instance took over or gave up").register(registry);
        released = Counter.builder("triggerforge.cluster.ownership.changes").tag("change", "released")
                .description("Partition queues this instance took over or gave up").register(registry);
    }

    void acquired() {
        acquired.increment();
    }

    void released() {
        released.increment();
    }
}
