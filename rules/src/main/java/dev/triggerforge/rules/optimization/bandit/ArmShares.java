package dev.triggerforge.rules.optimization.bandit;

import java.util.Map;

/**
 * One segment's allocation probabilities, computed once and then used for many customers.
 *
 * @param probabilities every arm's chance, the holdout at its fixed share, summing to 1
 * @param sendingShares the sending arms' shares of the sending traffic, in the arms' order
 * @param holdoutShare  the holdout's fixed share, 0 without one
 * @param segment       the segment whose counts decided: the customer's own or {@code *}
 * @param evidence      what the counts say, the first part of every decision's reason
 */
public record ArmShares(Map<String, Double> probabilities, double[] sendingShares, double holdoutShare,
                        String segment, String evidence) {

    public ArmShares {
        probabilities = Map.copyOf(probabilities);
        sendingShares = sendingShares.clone();
    }
}
