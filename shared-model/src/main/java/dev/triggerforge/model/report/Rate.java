package dev.triggerforge.model.report;

/** A proportion with its confidence interval (Wilson score), e.g. 12 conversions of 200 sends. */
public record Rate(long successes, long trials, double value, double low, double high, double confidence) {
}
