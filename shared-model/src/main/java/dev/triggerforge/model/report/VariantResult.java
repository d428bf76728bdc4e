package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One arm of an experiment: how many customers it reached and what they did after the send (for a holdout, after
 * the moment they would have been sent to). Rates carry confidence intervals; the comparison is against the
 * experiment's control (the holdout when there is one, else the first variant).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantResult(String variant, boolean holdout, long assigned, long sends, long opens, long clicks,
                            long conversions, Rate openRate, Rate clickRate, Rate conversionRate,
                            Comparison conversionVsControl) {
}
