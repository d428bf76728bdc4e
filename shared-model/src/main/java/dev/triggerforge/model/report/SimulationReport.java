package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.triggerforge.model.decision.Suppression;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rule set would do on a set of events: deterministic, so the same inputs give the same report byte for byte.
 *
 * @param events      events read (valid lines), including duplicates and late ones
 * @param duplicates  events ignored because their id was seen before
 * @param late        events further behind the clock than the lateness tolerance
 * @param timelines   per-customer stories, only for the customers asked for
 */
@JsonPropertyOrder({"ruleSet", "from", "until", "events", "duplicates", "late", "rejected", "sends", "suppressions",
        "perRule", "experiments", "conflicts", "timelines"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationReport(String ruleSet, Instant from, Instant until, long events, long duplicates, long late,
                               List<RejectedLine> rejected, List<ReportedSend> sends, List<Suppression> suppressions,
                               Map<String, RuleSummary> perRule, List<ExperimentResult> experiments,
                               List<Conflict> conflicts, Map<String, List<TimelineEntry>> timelines) {
}
