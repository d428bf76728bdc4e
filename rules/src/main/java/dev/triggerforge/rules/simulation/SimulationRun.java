package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.report.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The raw outcome of a simulation, merged from every partition in a fixed order: full decisions (with their
 * variables, for previews), suppressions, the answers the response model produced, and the policy of every
 * learning period when the rule set has adaptive triggers.
 *
 * @param readingEvictions customers whose reading hours a session forgot to stay within its bound; when above 0 the
 *                         best times may depend on the partition count, and the bound should be raised
 */
public record SimulationRun(String ruleSet, Instant from, Instant until, long eventsRead, long duplicates, long late,
                            List<EmailDecision> decisions, List<Suppression> suppressions,
                            List<CustomerEvent> responses, Map<String, List<TimelineEntry>> timelines,
                            List<PolicySnapshot> policies, long readingEvictions) {
}
