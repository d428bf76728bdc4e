package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.report.Mean;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;

/** Confidence intervals for averages per exposure, such as revenue per recipient. */
public final class Means {

    private Means() {
    }

    /**
     * The mean of {@code values} with the normal-approximation interval mean +- z s / sqrt(n), s the sample standard
     * deviation; sound for the thousands of exposures an experiment needs, however skewed single orders are. Values
     * here are never negative, so neither is the interval's low end. No values give 0 with the interval [0, 0].
     */
    public static Mean of(StatisticalSummary values, double confidence) {
        double z = Proportions.criticalValue(confidence);
        long n = values.getN();
        if (n == 0) {
            return new Mean(0, 0, 0, confidence);
        }
        double mean = values.getMean();
        double halfWidth = n < 2 ? 0 : z * values.getStandardDeviation() / Math.sqrt(n);
        return new Mean(mean, Math.max(0, mean - halfWidth), mean + halfWidth, confidence);
    }
}
