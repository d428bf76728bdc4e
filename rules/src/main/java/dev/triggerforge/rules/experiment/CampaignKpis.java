package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.RuleKpi;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rule's campaign numbers (deliveries, opens, clicks, conversions, revenue) over all its sends, whether or not it
 * runs an experiment, attributed exactly as experiments are.
 */
public final class CampaignKpis {

    private CampaignKpis() {
    }

    /**
     * The KPIs of rule {@code ruleId}: its sends (duplicates of an idempotency key once) and the events attributed to
     * them by {@code sendId}, or else to the customer's latest send of the rule within {@code attributionWindow};
     * each send counts at most once per kind of action, while revenue sums every attributed purchase.
     */
    public static RuleKpi compute(String ruleId, Collection<EmailDecision> sends, Collection<CustomerEvent> events,
                                  Duration attributionWindow, double confidence) {
        Objects.requireNonNull(ruleId, "ruleId");
        if (attributionWindow.isNegative()) {
            throw new IllegalArgumentException("attribution window must not be negative: " + attributionWindow);
        }
        Set<String> keys = new HashSet<>();
        List<Exposure> exposures = sends.stream()
                .filter(d -> d.ruleId().equals(ruleId) && keys.add(d.idempotencyKey()))
                .map(d -> new Exposure(0, d.customerId(), d.sendAt(), d.idempotencyKey()))
                .sorted(Exposure.IN_TIME_ORDER)
                .toList();
        Outcomes outcomes = Outcomes.of(exposures, attributionWindow, events);
        long[] counts = new long[Action.values().length];
        double revenue = 0;
        for (int i = 0; i < exposures.size(); i++) {
            for (Action action : Action.values()) {
                counts[action.ordinal()] += outcomes.did(i, action) ? 1 : 0;
            }
            revenue += outcomes.revenue(i);
        }
        long n = exposures.size();
        long delivered = counts[Action.DELIVERED.ordinal()];
        long opens = counts[Action.OPEN.ordinal()];
        long clicks = counts[Action.CLICK.ordinal()];
        long conversions = counts[Action.CONVERSION.ordinal()];
        return new RuleKpi(ruleId, n, delivered, opens, clicks, conversions, revenue,
                Proportions.wilson(delivered, n, confidence), Proportions.wilson(opens, n, confidence),
                Proportions.wilson(clicks, n, confidence), Proportions.wilson(conversions, n, confidence),
                n == 0 ? 0 : revenue / n);
    }
}
