package dev.triggerforge.model.report;

import dev.triggerforge.model.experiment.Metric;

/**
 * A variant's rate on one metric against the control's, read three ways: a confidence interval of the difference, a
 * p-value that stays valid however often it is looked at, and the Bayesian probability that the variant is better.
 *
 * @param difference        variant rate minus control rate (absolute, 0.01 = one percentage point)
 * @param differenceLow     lower end of the difference's interval (Newcombe's hybrid score) at the report's confidence
 * @param differenceHigh    upper end of that interval
 * @param lift              variant rate / control rate - 1; 0 when the control rate is 0
 * @param pValue            two-sided fixed-horizon two-proportion z-test: valid only if read once, at a planned size
 * @param alwaysValidPValue mixture sequential probability ratio test: valid at every look
 * @param probabilityToBeat P(variant rate > control rate) under uniform Beta(1, 1) priors, computed exactly
 * @param significant       alwaysValidPValue below 1 - confidence, split evenly (Bonferroni) across the challengers
 */
public record Comparison(String against, Metric metric, double difference, double differenceLow,
                         double differenceHigh, double lift, double pValue, double alwaysValidPValue,
                         double probabilityToBeat, boolean significant) {
}
