package dev.triggerforge.rules.optimization.bandit;

import java.util.Map;
import java.util.Objects;

/**
 * One adaptive decision with everything needed to explain it and to evaluate other policies on it later: the chosen
 * arm, the chance every arm had (the chosen arm's is its propensity), and why.
 *
 * @param arm           the chosen variant id, the holdout's id when the customer is held out
 * @param probabilities each arm's chance of being chosen for this customer, summing to 1, the holdout at its fixed
 *                      share
 * @param segment       the segment whose counts decided: the customer's own, or {@code *} when it had too few trials
 * @param reason        one plain-English sentence
 */
public record Allocation(String arm, Map<String, Double> probabilities, String segment, String reason) {

    public Allocation {
        Objects.requireNonNull(arm, "arm");
        probabilities = Map.copyOf(Objects.requireNonNull(probabilities, "probabilities"));
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(reason, "reason");
    }

    /** The chance the chosen arm had: what an off-policy estimate divides by. */
    public double propensity() {
        return probabilities.get(arm);
    }
}
