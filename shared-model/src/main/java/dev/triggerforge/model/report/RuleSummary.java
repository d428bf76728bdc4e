package dev.triggerforge.model.report;

import java.util.Map;

/**
 * What one rule did in a run: sends, suppressions by reason, sends per variant, and the delay from the event that
 * triggered each send to the send.
 */
public record RuleSummary(long sends, Map<String, Long> suppressions, Map<String, Long> sendsPerVariant,
                          Distribution delay) {
}
