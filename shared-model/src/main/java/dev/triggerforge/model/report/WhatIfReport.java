package dev.triggerforge.model.report;

import java.util.List;

/**
 * Two rule sets on the same events: the sends only the candidate makes, the sends only the baseline makes, and the
 * sends both make at different times (matched by idempotency key).
 */
public record WhatIfReport(String baseline, String candidate, long baselineSends, long candidateSends,
                           List<ReportedSend> added, List<ReportedSend> removed, List<MovedSend> moved) {

    /** A send both rule sets make, at different times. */
    public record MovedSend(String idempotencyKey, String ruleId, String customerId, java.time.Instant from,
                            java.time.Instant to) {
    }
}
