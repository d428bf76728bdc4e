package dev.triggerforge.model.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The record that a triggered email was held back, so "why didn't this customer get it?" always has an answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suppression(String ruleId, String customerId, Instant at, SuppressionReason reason, String detail,
                          List<String> causedBy) {

    public Suppression {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        causedBy = causedBy == null ? List.of() : List.copyOf(causedBy);
    }
}
