package dev.triggerforge.model.report;

import dev.triggerforge.model.experiment.Metric;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one trigger's experiment, per variant, with the attribution window and primary metric it was measured
 * with and what to do about it.
 *
 * @param experimentId the experiment (salting assignment); the trigger id unless the trigger names another
 * @param ruleId       the trigger whose sends and holdouts were measured
 */
public record ExperimentResult(String experimentId, String ruleId, Duration attributionWindow, Metric primaryMetric,
                               List<VariantResult> variants, Recommendation recommendation) {

    public ExperimentResult {
        variants = List.copyOf(variants);
    }
}
