package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.triggerforge.model.decision.EmailDecision;

import java.time.Instant;
import java.util.List;

/** A send in a report: the decision without its personalization variables, which reports do not need. */
@JsonPropertyOrder({"ruleId", "customerId", "sendAt", "templateId", "variant", "idempotencyKey", "causedBy"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedSend(String ruleId, String customerId, Instant sendAt, String templateId, String variant,
                           String idempotencyKey, List<String> causedBy) {

    public static ReportedSend of(EmailDecision d) {
        return new ReportedSend(d.ruleId(), d.customerId(), d.sendAt(), d.templateId(), d.variant(),
                d.idempotencyKey(), d.causedBy());
    }
}
