package dev.triggerforge.rules.guardrail;

import dev.triggerforge.model.decision.Explanation;

import java.util.List;
import java.util.Map;

/**
 * A send a trigger wants now. The guardrails judge every candidate of one instant together, highest priority first,
 * and turn each into a decision or a suppression.
 *
 * @param sendAt         epoch ms at which the email may go out (already moved out of quiet hours)
 * @param oncePerMillis  at most one send per rule and subject within this many ms; 0 means the idempotency key alone
 * @param explanation    why a model chose the variant or the time, carried to the decision
 */
public record Candidate(String ruleId, String customerId, String subject, String idempotencyKey, int priority,
                        String templateId, String variant, boolean holdout, boolean obeysFrequencyCap,
                        long oncePerMillis, long sendAt, Map<String, Object> variables, List<String> required,
                        List<String> causedBy, Explanation explanation) {

    /** A candidate no model had a hand in. */
    public Candidate(String ruleId, String customerId, String subject, String idempotencyKey, int priority,
                     String templateId, String variant, boolean holdout, boolean obeysFrequencyCap, long oncePerMillis,
                     long sendAt, Map<String, Object> variables, List<String> required, List<String> causedBy) {
        this(ruleId, customerId, subject, idempotencyKey, priority, templateId, variant, holdout, obeysFrequencyCap,
                oncePerMillis, sendAt, variables, required, causedBy, Explanation.NONE);
    }
}
