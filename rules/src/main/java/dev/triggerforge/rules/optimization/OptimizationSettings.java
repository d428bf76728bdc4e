package dev.triggerforge.rules.optimization;

import java.time.Duration;

/**
 * How adaptive triggers learn: the learning period, when a send's outcome counts, the bandit's exploration and the
 * memory bounds. The simulator and the server use the same values so they learn the same way.
 *
 * @param period           how often the shared counts are refreshed; decisions in one period use the same counts
 * @param rewardWindow     a send counts as a trial once it is this old, and as a success if it was clicked within it
 * @param minShare         the least share of the sending traffic every sending variant keeps
 * @param minSegmentTrials trials a segment needs before its own counts decide instead of the pooled ones
 * @param draws            posterior draws per segment and period that estimate the Thompson shares
 * @param priorStrength    how many of a customer's own opens and clicks weigh as much as their segment's habits
 * @param maxCustomers     customers whose engagement hours each session keeps (least recently used evicted)
 * @param maxSegments      segments kept per experiment besides the pooled one
 */
public record OptimizationSettings(Duration period, Duration rewardWindow, double minShare, long minSegmentTrials,
                                   int draws, double priorStrength, int maxCustomers, int maxSegments) {

    public static final OptimizationSettings DEFAULTS = new OptimizationSettings(Duration.ofHours(1),
            Duration.ofHours(24), 0.05, 200, 1000, 4.0, 250_000, 1000);

    public OptimizationSettings {
        if (period.isNegative() || period.isZero() || rewardWindow.isNegative()) {
            throw new IllegalArgumentException("period must be positive and rewardWindow not negative");
        }
        if (priorStrength <= 0 || maxCustomers < 1 || maxSegments < 0) {
            throw new IllegalArgumentException("priorStrength and maxCustomers must be positive, maxSegments not "
                    + "negative");
        }
    }

    /** The start of the period holding {@code epochMillis}: periods are aligned to the epoch, everywhere alike. */
    public long periodStart(long epochMillis) {
        return Math.floorDiv(epochMillis, period.toMillis()) * period.toMillis();
    }

    public OptimizationSettings withPeriod(Duration newPeriod, Duration newRewardWindow) {
        return new OptimizationSettings(newPeriod, newRewardWindow, minShare, minSegmentTrials, draws, priorStrength,
                maxCustomers, maxSegments);
    }
}
