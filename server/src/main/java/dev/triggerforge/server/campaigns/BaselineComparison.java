package dev.triggerforge.server.campaigns;

import dev.triggerforge.model.report.Rate;
import dev.triggerforge.model.report.RuleKpi;
import dev.triggerforge.rules.experiment.Proportions;

/**
 * Triggered emails against a recorded batch campaign: the baseline's rates with intervals, and how many times better
 * (or worse) the triggered rates are, with the two-proportion test on conversions.
 *
 * @param conversionPValue two-sided p-value of triggered against batch conversion (fixed horizon: it compares two
 *                         finished periods, nobody peeks)
 */
public record BaselineComparison(Baseline baseline, Rate openRate, Rate clickRate, Rate conversionRate,
                                 double revenuePerRecipient, double openRateRatio, double clickRateRatio,
                                 double conversionRateRatio, double revenuePerRecipientRatio,
                                 double conversionPValue) {

    static BaselineComparison of(Baseline b, RuleKpi triggered, double confidence) {
        Rate open = Proportions.wilson(b.opens(), b.recipients(), confidence);
        Rate click = Proportions.wilson(b.clicks(), b.recipients(), confidence);
        Rate conversion = Proportions.wilson(b.conversions(), b.recipients(), confidence);
        double revenuePerRecipient = b.revenue().doubleValue() / b.recipients();
        return new BaselineComparison(b, open, click, conversion, revenuePerRecipient,
                ratio(triggered.openRate().value(), open.value()), ratio(triggered.clickRate().value(), click.value()),
                ratio(triggered.conversionRate().value(), conversion.value()),
                ratio(triggered.revenuePerSend(), revenuePerRecipient),
                Proportions.twoProportionPValue(triggered.conversions(), triggered.sends(), b.conversions(),
                        b.recipients()));
    }

    /** How many times the baseline's value the triggered one is; 0 when the baseline's is 0 and no ratio exists. */
    private static double ratio(double triggered, double baseline) {
        return baseline == 0 ? 0 : triggered / baseline;
    }
}
