package dev.triggerforge.model.report;

import java.time.Duration;
import java.util.List;

/** The outcome of one trigger's experiment in a run, per variant, with the attribution window used. */
public record ExperimentResult(String experimentId, Duration attributionWindow, List<VariantResult> variants) {
}
