package dev.triggerforge.rules.optimization.sendtime;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When to send one email and why, so the decision can be traced back to the customer's and segment's history.
 *
 * @param at                 the instant to send
 * @param localHour          the hour of {@code at} in the customer's zone
 * @param probability        the posterior probability that the customer engages in {@code localHour}
 * @param hourProbabilities  the posterior probability of every local hour 0-23, summing to 1
 * @param reason             the choice in a marketer's words
 */
public record SendTimeChoice(Instant at, int localHour, double probability, Map<Integer, Double> hourProbabilities,
                             String reason) {

    public SendTimeChoice {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        hourProbabilities = Collections.unmodifiableMap(new TreeMap<>(hourProbabilities));
    }
}
