package dev.triggerforge.model.report;

/**
 * What one rule's sends earned, experiment or not: the campaign numbers a marketer watches, attributed the same way
 * as an experiment's.
 *
 * @param revenue        sum of the {@code total} of every purchase attributed to the rule's sends
 * @param revenuePerSend revenue divided by sends; 0 without sends
 */
public record RuleKpi(String ruleId, long sends, long delivered, long opens, long clicks, long conversions,
                      double revenue, Rate deliveryRate, Rate openRate, Rate clickRate, Rate conversionRate,
                      double revenuePerSend) {
}
