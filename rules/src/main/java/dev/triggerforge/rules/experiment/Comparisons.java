package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;

/** Puts a variant's rate against the control's every way the report reads it: interval, p-values and probability. */
public final class Comparisons {

    private final double confidence;
    private final int challengers;
    private final AlwaysValidPValue sequential;

    /**
     * Comparisons at {@code confidence} for an experiment with {@code challengers} arms besides the control, each
     * needing {@code minimumSample} exposures; significance is Bonferroni-split across the challengers.
     */
    public Comparisons(double confidence, int challengers, long minimumSample) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1, got " + confidence);
        }
        if (challengers < 1) {
            throw new IllegalArgumentException("need at least one arm to compare with the control, got "
                    + challengers);
        }
        this.confidence = confidence;
        this.challengers = challengers;
        this.sequential = new AlwaysValidPValue(minimumSample);
    }

    /** The false-positive rate each comparison may spend: (1 - confidence) / challengers. */
    public double alpha() {
        return (1 - confidence) / challengers;
    }

    /**
     * The variant's {@code s1} of {@code n1} against the control's {@code s0} of {@code n0} on {@code metric}. Lift
     * is 0 when the control's rate is 0 (undefined there; 0 keeps the report plain JSON).
     */
    public Comparison of(String control, Metric metric, long s1, long n1, long s0, long n0) {
        double p1 = n1 == 0 ? 0 : (double) s1 / n1;
        double p0 = n0 == 0 ? 0 : (double) s0 / n0;
        Interval difference = Proportions.newcombe(s1, n1, s0, n0, confidence);
        double alwaysValid = sequential.of(s1, n1, s0, n0);
        return new Comparison(control, metric, p1 - p0, difference.low(), difference.high(),
                p0 == 0 ? 0 : p1 / p0 - 1, Proportions.twoProportionPValue(s1, n1, s0, n0), alwaysValid,
                ProbabilityToBeat.of(s1, n1, s0, n0), alwaysValid < alpha());
    }
}
