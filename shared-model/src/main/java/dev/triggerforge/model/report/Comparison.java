package dev.triggerforge.model.report;

/**
 * A variant's rate against the control's: the absolute difference, the relative lift, the two-sided p-value of a
 * two-proportion test and whether it is significant at the report's level.
 */
public record Comparison(String against, double difference, double lift, double pValue, boolean significant) {
}
