package dev.triggerforge.model.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's verdict that a customer gets a given email at a given time. The idempotency key is deterministic, so a
 * replayed event or a re-fired rule produces the same key and the outbox stores it once.
 *
 * @param explanation why a model chose the variant or the send time; null when none did
 */
@JsonPropertyOrder({"idempotencyKey", "ruleId", "customerId", "templateId", "variant", "sendAt", "variables",
        "causedBy", "explanation"})
public record EmailDecision(String idempotencyKey, String ruleId, String customerId, String templateId,
                            String variant, Instant sendAt, Map<String, Object> variables, List<String> causedBy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Explanation explanation) {

    public EmailDecision {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(sendAt, "sendAt");
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        causedBy = causedBy == null ? List.of() : List.copyOf(causedBy);
        explanation = explanation == null || explanation.isEmpty() ? null : explanation;
    }

    /** A decision no model had a hand in. */
    public EmailDecision(String idempotencyKey, String ruleId, String customerId, String templateId, String variant,
                         Instant sendAt, Map<String, Object> variables, List<String> causedBy) {
        this(idempotencyKey, ruleId, customerId, templateId, variant, sendAt, variables, causedBy, null);
    }
}
