package dev.triggerforge.server.delivery;

import dev.triggerforge.server.sends.SendRecord;

/**
 * A detached copy of an outbox row this dispatcher holds the lease on; {@code attempts} counts the attempt about to
 * be made and, with the key, identifies the lease when the outcome is written back.
 */
public record ClaimedSend(String idempotencyKey, String customerId, String ruleId, String templateId, String variant,
                          int attempts, String variables) {

    static ClaimedSend of(SendRecord row) {
        return new ClaimedSend(row.idempotencyKey, row.customerId, row.ruleId, row.templateId, row.variant,
                row.attempts, row.variables);
    }
}
