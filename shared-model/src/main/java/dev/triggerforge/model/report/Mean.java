package dev.triggerforge.model.report;

/** An average per exposure (such as revenue per recipient) with its two-sided confidence interval. */
public record Mean(double value, double low, double high, double confidence) {
}
