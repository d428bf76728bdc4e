package dev.triggerforge.server.engine;

import dev.triggerforge.rules.experiment.ExperimentGate;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.server.rulesets.ActiveRuleSet;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every partition shares: the rules it runs, where it writes, its clock, its limits, and which anonymous
 * visitor ids belong to which customer.
 */
record EngineContext(ActiveRuleSet rules, SessionOptions options, BatchWriter writer, EventReplay replay,
                     EngineMetrics metrics, Clock clock, Duration tick, int batchSize, int partitions, Duration retention,
                     AtomicLong sequence, ExperimentGate experiments, Map<String, String> aliases) {
}
