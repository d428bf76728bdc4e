package dev.triggerforge.server.engine;

import dev.triggerforge.rules.experiment.ExperimentGate;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.server.optimization.PolicyStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every partition shares: where it writes, its clock, its limits, which anonymous visitor ids belong to which
 * customer, the current learning period's policy, how far back reading hours are rebuilt, and whether partitions are
 * partition queues of a cluster, whose customers are known by where their events were stored rather than by hash.
 */
record EngineContext(SessionOptions options, BatchWriter writer, EventReplay replay, EngineMetrics metrics,
                     Clock clock, Duration tick, Duration linger, int batchSize, int partitions, Duration retention,
                     AtomicLong sequence, ExperimentGate experiments, Map<String, String> aliases,
                     AtomicReference<Policy> policy, PolicyStore policies, Duration readingHistory,
                     boolean byQueue) {
}
