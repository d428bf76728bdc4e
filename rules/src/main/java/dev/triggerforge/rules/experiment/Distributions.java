package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.report.Distribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Turns collected durations into the report's quantile summary. */
public final class Distributions {

    private Distributions() {
    }

    /** The count, extremes and 50th, 90th and 99th percentiles of {@code seconds}; empty without any. */
    public static Distribution of(DescriptiveStatistics seconds) {
        if (seconds.getN() == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(seconds.getN(), seconds.getMin(), seconds.getPercentile(50),
                seconds.getPercentile(90), seconds.getPercentile(99), seconds.getMax());
    }
}
