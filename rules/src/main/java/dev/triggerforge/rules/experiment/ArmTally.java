package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.Distribution;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.trigger.Variant;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The running counts of one experiment arm, turned into its {@link VariantResult} once every exposure is in. */
final class ArmTally {

    private final Variant variant;
    private final double confidence;
    private final Set<String> customers = new HashSet<>();
    private final long[] counts = new long[Action.values().length];
    private final SummaryStatistics revenue = new SummaryStatistics();
    private final Map<Action, DescriptiveStatistics> secondsTo = new EnumMap<>(Action.class);
    private long exposures;

    ArmTally(Variant variant, double confidence) {
        this.variant = variant;
        this.confidence = confidence;
        for (Action timed : new Action[]{Action.OPEN, Action.CLICK, Action.CONVERSION}) {
            secondsTo.put(timed, new DescriptiveStatistics());
        }
    }

    void add(Exposure exposure, int position, Outcomes outcomes) {
        customers.add(exposure.customerId());
        exposures++;
        for (Action action : Action.values()) {
            if (outcomes.did(position, action)) {
                counts[action.ordinal()]++;
                DescriptiveStatistics times = secondsTo.get(action);
                if (times != null) {
                    times.addValue(outcomes.secondsTo(position, action));
                }
            }
        }
        revenue.addValue(outcomes.revenue(position));
    }

    long exposures() {
        return exposures;
    }

    long successes(Metric metric) {
        return count(Action.of(metric));
    }

    private long count(Action action) {
        return counts[action.ordinal()];
    }

    VariantResult result(Comparison vsControl) {
        boolean emailed = !variant.holdout();
        return new VariantResult(variant.id(), variant.holdout(), customers.size(), exposures,
                count(Action.DELIVERED), count(Action.OPEN), count(Action.CLICK), count(Action.UNSUBSCRIBE),
                count(Action.CONVERSION), revenue.getSum(), emailed ? rate(Action.DELIVERED) : null,
                emailed ? rate(Action.OPEN) : null, emailed ? rate(Action.CLICK) : null,
                emailed ? rate(Action.UNSUBSCRIBE) : null, rate(Action.CONVERSION), Means.of(revenue, confidence),
                emailed ? timeTo(Action.OPEN) : null, emailed ? timeTo(Action.CLICK) : null,
                timeTo(Action.CONVERSION), vsControl);
    }

    private Rate rate(Action action) {
        return Proportions.wilson(count(action), exposures, confidence);
    }

    private Distribution timeTo(Action action) {
        return Distributions.of(secondsTo.get(action));
    }
}
