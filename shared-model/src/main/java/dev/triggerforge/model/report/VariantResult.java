package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One arm of an experiment: how many customers it reached and what they did after the send (for a holdout, after the
 * moment they would have been sent to). Rates carry confidence intervals; the email-only ones (delivery, open, click,
 * unsubscribe) are null for a holdout. The comparison is against the experiment's control (the holdout when there is
 * one, else the first variant) on the primary metric, and null for the control itself.
 *
 * @param sends               exposures: sends of the variant, or holdout suppressions in their place
 * @param revenue             sum of the {@code total} of every purchase attributed to the arm's exposures
 * @param revenuePerRecipient revenue per exposure, non-buyers counting as 0
 * @param timeToOpen          seconds from exposure to its first attributed open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantResult(String variant, boolean holdout, long assigned, long sends, long delivered, long opens,
                            long clicks, long unsubscribes, long conversions, double revenue, Rate deliveryRate,
                            Rate openRate, Rate clickRate, Rate unsubscribeRate, Rate conversionRate,
                            Mean revenuePerRecipient, Distribution timeToOpen, Distribution timeToClick,
                            Distribution timeToConversion, Comparison vsControl) {
}
