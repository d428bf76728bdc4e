package dev.triggerforge.model.report;

/** A summary of durations in seconds: how many, and the usual quantiles. */
public record Distribution(long count, double minSeconds, double p50Seconds, double p90Seconds, double p99Seconds,
                           double maxSeconds) {

    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0);
}
