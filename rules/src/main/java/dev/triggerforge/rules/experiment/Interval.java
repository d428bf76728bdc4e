package dev.triggerforge.rules.experiment;

/** A two-sided confidence interval of a difference, low to high. */
public record Interval(double low, double high) {
}
