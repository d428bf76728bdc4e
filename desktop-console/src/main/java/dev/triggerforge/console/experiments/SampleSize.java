package dev.triggerforge.console.experiments;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many sends each variant needs to tell a baseline rate from a lifted one, so a marketer can size a test before
 * deploying it: the classic two-proportion formula (two-sided, pooled variance under the null).
 */
public final class SampleSize {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private SampleSize() {
    }

    /**
     * Sends per variant to detect {@code baseline} moving to {@code target} with false-winner rate {@code alpha}
     * (two-sided) and the given power; rounded up.
     */
    public static long perVariant(double baseline, double target, double alpha, double power) {
        if (!(baseline > 0 && baseline < 1 && target > 0 && target < 1) || baseline == target) {
            throw new IllegalArgumentException("rates must lie strictly between 0 and 1 and differ, got "
                    + baseline + " and " + target);
        }
        double zAlpha = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double zPower = NORMAL.inverseCumulativeProbability(power);
        double pooled = (baseline + target) / 2;
        double root = zAlpha * Math.sqrt(2 * pooled * (1 - pooled))
                + zPower * Math.sqrt(baseline * (1 - baseline) + target * (1 - target));
        double difference = target - baseline;
        return (long) Math.ceil(root * root / (difference * difference));
    }

    /** Sends per variant at 95 % confidence and 80 % power for a relative lift ({@code 0.1} = 10 %). */
    public static long forLift(double baseline, double relativeLift) {
        return perVariant(baseline, baseline * (1 + relativeLift), 0.05, 0.8);
    }
}
