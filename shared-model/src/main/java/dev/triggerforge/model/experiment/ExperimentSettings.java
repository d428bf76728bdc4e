package dev.triggerforge.model.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.Objects;

/**
 * How an experiment is measured and decided, so every reader of its results (simulator, server, console) applies the
 * same window, confidence and stopping rules.
 *
 * @param attributionWindow how long after an exposure an open, click or purchase still counts for it
 * @param confidence        of the intervals, and {@code 1 - confidence} is the false-winner rate the verdict allows
 * @param primaryMetric     the rate the verdict is decided on
 * @param minimumSample     exposures every arm needs before any verdict
 * @param equivalenceMargin the absolute difference of rates (0.005 = half a percentage point) small enough to call
 *                          two arms the same
 */
public record ExperimentSettings(Duration attributionWindow, double confidence, Metric primaryMetric,
                                 long minimumSample, double equivalenceMargin) {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    private static final double DEFAULT_CONFIDENCE = 0.95;
    private static final Metric DEFAULT_METRIC = Metric.CONVERSION;
    private static final long DEFAULT_MINIMUM_SAMPLE = 1000;
    private static final double DEFAULT_MARGIN = 0.005;

    /** Seven days, 95 %, conversion, 1000 exposures per arm, half a percentage point. */
    public static final ExperimentSettings DEFAULTS = new ExperimentSettings(DEFAULT_WINDOW, DEFAULT_CONFIDENCE,
            DEFAULT_METRIC, DEFAULT_MINIMUM_SAMPLE, DEFAULT_MARGIN);

    public ExperimentSettings {
        attributionWindow = attributionWindow == null ? DEFAULT_WINDOW : attributionWindow;
        primaryMetric = primaryMetric == null ? DEFAULT_METRIC : primaryMetric;
        if (attributionWindow.isNegative()) {
            throw new IllegalArgumentException("attributionWindow must not be negative, got " + attributionWindow);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1, got " + confidence);
        }
        if (minimumSample < 1) {
            throw new IllegalArgumentException("minimumSample must be at least 1 exposure per arm, got "
                    + minimumSample);
        }
        if (!(equivalenceMargin >= 0) || Double.isInfinite(equivalenceMargin)) {
            throw new IllegalArgumentException("equivalenceMargin must be a finite number >= 0, got "
                    + equivalenceMargin);
        }
    }

    /** The JSON form, where any missing value takes its default. */
    @JsonCreator
    public static ExperimentSettings of(@JsonProperty("attributionWindow") Duration attributionWindow,
                                        @JsonProperty("confidence") Double confidence,
                                        @JsonProperty("primaryMetric") Metric primaryMetric,
                                        @JsonProperty("minimumSample") Long minimumSample,
                                        @JsonProperty("equivalenceMargin") Double equivalenceMargin) {
        return new ExperimentSettings(attributionWindow, Objects.requireNonNullElse(confidence, DEFAULT_CONFIDENCE),
                primaryMetric, Objects.requireNonNullElse(minimumSample, DEFAULT_MINIMUM_SAMPLE),
                Objects.requireNonNullElse(equivalenceMargin, DEFAULT_MARGIN));
    }

    /** The defaults with another window and confidence: what callers that only know those two mean. */
    public static ExperimentSettings of(Duration attributionWindow, double confidence) {
        return new ExperimentSettings(attributionWindow, confidence, null, DEFAULT_MINIMUM_SAMPLE, DEFAULT_MARGIN);
    }
}
