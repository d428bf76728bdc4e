package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.report.Rate;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/** Confidence intervals and two-sample tests for proportions such as open, click and conversion rates. */
public final class Proportions {

    private static final NormalDistribution STANDARD_NORMAL =
            new NormalDistribution(null, 0, 1, NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private Proportions() {
    }

    /**
     * The Wilson score interval of {@code successes} out of {@code trials} at the given two-sided confidence level;
     * with no trials the value is 0 and the interval is the whole of [0, 1].
     */
    public static Rate wilson(long successes, long trials, double confidence) {
        requireCounts(successes, trials);
        requireLevel(confidence, "confidence");
        if (trials == 0) {
            return new Rate(0, 0, 0, 0, 1, confidence);
        }
        double z = criticalValue(confidence);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        double low = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double high = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new Rate(successes, trials, p, low, high, confidence);
    }

    /**
     * Newcombe's hybrid score interval (his method 10) for the difference {@code s1/n1 - s0/n0}: it combines the two
     * Wilson intervals, so like them it stays inside [-1, 1], is not degenerate at 0 or n successes and keeps close to
     * its nominal coverage for the small rates emails have, where the Wald interval is too narrow.
     */
    public static Interval newcombe(long s1, long n1, long s0, long n0, double confidence) {
        Rate one = wilson(s1, n1, confidence);
        Rate zero = wilson(s0, n0, confidence);
        double difference = one.value() - zero.value();
        double below = Math.hypot(one.value() - one.low(), zero.high() - zero.value());
        double above = Math.hypot(one.high() - one.value(), zero.value() - zero.low());
        return new Interval(difference - below, difference + above);
    }

    /**
     * The pooled two-proportion z statistic of {@code s1/n1} against {@code s0/n0}; 0 when an arm is empty or the
     * pooled rate is 0 or 1, where the test has no variance to work with.
     */
    public static double zScore(long s1, long n1, long s0, long n0) {
        requireCounts(s1, n1);
        requireCounts(s0, n0);
        if (n1 == 0 || n0 == 0) {
            return 0;
        }
        double pooled = (double) (s1 + s0) / (n1 + n0);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0);
        if (variance <= 0) {
            return 0;
        }
        return ((double) s1 / n1 - (double) s0 / n0) / Math.sqrt(variance);
    }

    /** The two-sided p-value of the pooled two-proportion z-test; 1 when {@link #zScore} has nothing to test. */
    public static double twoProportionPValue(long s1, long n1, long s0, long n0) {
        double z = zScore(s1, n1, s0, n0);
        return z == 0 ? 1 : 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /**
     * The p-value of Pearson's chi-square test (no continuity correction) on the 2x2 table of successes and failures,
     * which equals the z-test's; 1 when a row or column of the table is empty.
     */
    public static double chiSquarePValue(long s1, long n1, long s0, long n0) {
        requireCounts(s1, n1);
        requireCounts(s0, n0);
        long successes = s1 + s0;
        if (n1 == 0 || n0 == 0 || successes == 0 || successes == n1 + n0) {
            return 1;
        }
        return new ChiSquareTest().chiSquareTest(new long[][]{{s1, n1 - s1}, {s0, n0 - s0}});
    }

    /** The z with a two-sided {@code confidence} of the standard normal between -z and z. */
    static double criticalValue(double confidence) {
        requireLevel(confidence, "confidence");
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    private static void requireCounts(long successes, long trials) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
    }

    private static void requireLevel(double level, String name) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(name + " must be strictly between 0 and 1, got " + level);
        }
    }
}
