package dev.triggerforge.model.decision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an adaptive decision chose what it did, kept with the send so a marketer can read it in the customer's
 * timeline and an analyst can re-weigh it later (the chosen variant's probability is its propensity).
 *
 * @param segment              the customer's segment when the variant was chosen, such as {@code locale=de|new}
 * @param variantProbabilities every variant's chance for this customer; empty when the split was fixed
 * @param variantReason        one sentence on the variant; null when the split was fixed
 * @param policyAt             the start of the learning period whose counts chose the variant
 * @param dueAt                when the email was due before its send time was chosen; null when it went out when due
 * @param hourProbability      the modelled engagement probability of the chosen local hour
 * @param sendTimeReason       one sentence on the send time; null when the trigger sends when due
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Explanation(String segment, Map<String, Double> variantProbabilities, String variantReason,
                          Instant policyAt, Instant dueAt, Double hourProbability, String sendTimeReason) {

    /** Nothing was chosen by a model. */
    public static final Explanation NONE = new Explanation(null, null, null, null, null, null, null);

    public Explanation {
        variantProbabilities = variantProbabilities == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(variantProbabilities));
    }

    /** This explanation with the send time's part. */
    public Explanation withSendTime(Instant due, double probability, String reason) {
        return new Explanation(segment, variantProbabilities, variantReason, policyAt, due, probability, reason);
    }

    /** Whether a model chose anything. */
    @JsonIgnore
    public boolean isEmpty() {
        return variantReason == null && sendTimeReason == null;
    }
}
