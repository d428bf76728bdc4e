package dev.triggerforge.rules.session;

import dev.triggerforge.model.decision.Explanation;

import java.time.Instant;

/**
 * A wait that has not fired yet, as a customer's timeline shows it: what it will send about, when it fell or falls
 * due, when it fires (later when it waits for quiet hours to end or for the customer's best hour), and why.
 */
public record PendingWait(String ruleId, String subject, String variant, Instant dueAt, Instant firesAt,
                          Explanation explanation) {
}
