package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Explanation;

import java.time.Instant;
import java.util.List;

/**
 * A send in a report: the decision without its personalization variables, which reports do not need, but with why a
 * model chose its variant or time.
 */
@JsonPropertyOrder({"ruleId", "customerId", "sendAt", "templateId", "variant", "idempotencyKey", "causedBy",
        "explanation"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedSend(String ruleId, String customerId, Instant sendAt, String templateId, String variant,
                           String idempotencyKey, List<String> causedBy, Explanation explanation) {

    public static ReportedSend of(EmailDecision d) {
        return new ReportedSend(d.ruleId(), d.customerId(), d.sendAt(), d.templateId(), d.variant(),
                d.idempotencyKey(), d.causedBy(), d.explanation());
    }
}
