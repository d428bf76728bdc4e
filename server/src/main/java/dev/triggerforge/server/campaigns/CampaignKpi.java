package dev.triggerforge.server.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triggerforge.model.report.Distribution;
import dev.triggerforge.model.report.RuleKpi;

import java.time.Instant;

/**
 * One rule's campaign numbers over a period: what its sends earned, how late they left against when they were due
 * (the triggering event's time plus the rule's wait), and the latest recorded batch baseline, if any.
 *
 * @param sendLatency seconds from a send's due time to the provider accepting it, over the sends that left
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignKpi(Instant from, Instant to, RuleKpi triggered, Distribution sendLatency,
                          BaselineComparison baseline) {
}
