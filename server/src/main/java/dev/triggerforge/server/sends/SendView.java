package dev.triggerforge.server.sends;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * One line of {@code GET /api/sends}: a decision in the outbox (scheduled, sent, failed, or suppressed at send time
 * with the reason) or a send the guardrails held back (suppressed, with the reason); {@code enrichment} says where
 * the stock and prices it was checked against came from, and {@code explanation} why a model chose its variant or
 * time (as stored, JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendView(String idempotencyKey, String customerId, String ruleId, String templateId, String variant,
                       String status, String reason, Instant decidedAt, Instant sendAt, Instant sentAt,
                       Integer attempts, String lastError, String provider, String causedBy, String enrichment,
                       @JsonRawValue String explanation) {

    static SendView of(SendRecord r) {
        return new SendView(r.idempotencyKey, r.customerId, r.ruleId, r.templateId, r.variant, r.status, r.reason,
                r.decidedAt, r.sendAt, r.sentAt, r.attempts, r.lastError, r.provider, r.causedBy, r.enrichment,
                r.explanation);
    }

    static SendView of(SuppressionRecord r) {
        return new SendView(null, r.customerId, r.ruleId, null, null, "suppressed", r.reason, r.at, null, null,
                null, r.detail, null, r.causedBy, null, null);
    }

    Instant at() {
        return decidedAt;
    }
}
