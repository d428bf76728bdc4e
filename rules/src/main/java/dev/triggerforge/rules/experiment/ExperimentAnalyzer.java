package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures one trigger's experiment: per variant, who was exposed (sent to, or held out), which opens, clicks and
 * purchases those exposures earned within the attribution window, and how each variant's conversion rate compares
 * with the control's.
 */
public final class ExperimentAnalyzer {

    private static final Comparator<Exposure> IN_TIME_ORDER = Comparator.comparing(Exposure::at)
            .thenComparing(Exposure::customerId)
            .thenComparingInt(Exposure::variant)
            .thenComparing(Exposure::sendId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Duration attributionWindow;
    private final double confidence;

    public ExperimentAnalyzer(Duration attributionWindow, double confidence) {
        Objects.requireNonNull(attributionWindow, "attributionWindow");
        if (attributionWindow.isNegative()) {
            throw new IllegalArgumentException("attribution window must not be negative: " + attributionWindow);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1, got " + confidence);
        }
        this.attributionWindow = attributionWindow;
        this.confidence = confidence;
    }

    /**
     * The experiment of {@code trigger} (its id is the experiment id) over a run's sends, suppressions and events;
     * records of other rules are ignored, and duplicates of a send (same idempotency key) count once.
     */
    public ExperimentResult analyze(TriggerSpec trigger, Collection<EmailDecision> sends,
                                    Collection<Suppression> suppressions, Collection<CustomerEvent> events) {
        List<Variant> variants = trigger.variants();
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("trigger '" + trigger.id() + "' has no variants to compare");
        }
        List<Exposure> exposures = exposures(trigger, sends, suppressions);
        Attribution attribution = new Attribution(exposures, attributionWindow);
        Set<Integer> opened = new HashSet<>();
        Set<Integer> clicked = new HashSet<>();
        Set<Integer> converted = new HashSet<>();
        for (CustomerEvent event : events) {
            if (event.is(EventType.EMAIL_OPEN)) {
                mark(opened, attribution.feedback(event));
            } else if (event.is(EventType.EMAIL_CLICK)) {
                mark(clicked, attribution.feedback(event));
            } else if (event.is(EventType.PURCHASE)) {
                mark(converted, attribution.conversion(event));
            }
        }
        List<Tally> tallies = variants.stream().map(v -> new Tally()).toList();
        for (int i = 0; i < exposures.size(); i++) {
            Exposure e = exposures.get(i);
            tallies.get(e.variant())
                    .add(e.customerId(), opened.contains(i), clicked.contains(i), converted.contains(i));
        }
        int control = controlIndex(variants);
        List<VariantResult> results = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Comparison vsControl = i == control ? null : tallies.get(i)
                    .conversionsAgainst(variants.get(control).id(), tallies.get(control), 1 - confidence);
            results.add(tallies.get(i).result(variants.get(i), confidence, vsControl));
        }
        return new ExperimentResult(trigger.id(), attributionWindow, List.copyOf(results));
    }

    private static List<Exposure> exposures(TriggerSpec trigger, Collection<EmailDecision> sends,
                                            Collection<Suppression> suppressions) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < trigger.variants().size(); i++) {
            positions.putIfAbsent(trigger.variants().get(i).id(), i);
        }
        Set<Exposure> unique = new HashSet<>();
        Set<String> sendIds = new HashSet<>();
        for (EmailDecision d : sends) {
            Integer v = d.variant() == null ? null : positions.get(d.variant());
            if (d.ruleId().equals(trigger.id()) && v != null && !trigger.variants().get(v).holdout()
                    && sendIds.add(d.idempotencyKey())) {
                unique.add(new Exposure(v, d.customerId(), d.sendAt(), d.idempotencyKey()));
            }
        }
        for (Suppression s : suppressions) {
            if (s.ruleId().equals(trigger.id()) && s.reason() == SuppressionReason.HOLDOUT) {
                Variant picked = VariantPicker.pick(trigger.id(), s.customerId(), trigger.variants());
                if (picked != null && picked.holdout()) {
                    unique.add(new Exposure(positions.get(picked.id()), s.customerId(), s.at(), null));
                }
            }
        }
        return unique.stream().sorted(IN_TIME_ORDER).toList();
    }

    private static void mark(Set<Integer> exposures, int position) {
        if (position >= 0) {
            exposures.add(position);
        }
    }

    private static int controlIndex(List<Variant> variants) {
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).holdout()) {
                return i;
            }
        }
        return 0;
    }

    /** The running counts of one variant. */
    private static final class Tally {
        private final Set<String> customers = new HashSet<>();
        private long exposures;
        private long opens;
        private long clicks;
        private long conversions;

        void add(String customerId, boolean opened, boolean clicked, boolean converted) {
            customers.add(customerId);
            exposures++;
            opens += opened ? 1 : 0;
            clicks += clicked ? 1 : 0;
            conversions += converted ? 1 : 0;
        }

        Comparison conversionsAgainst(String controlId, Tally control, double alpha) {
            return Proportions.compare(controlId, conversions, exposures, control.conversions, control.exposures,
                    alpha);
        }

        VariantResult result(Variant variant, double confidence, Comparison vsControl) {
            Rate openRate = variant.holdout() ? null : Proportions.wilson(opens, exposures, confidence);
            Rate clickRate = variant.holdout() ? null : Proportions.wilson(clicks, exposures, confidence);
            return new VariantResult(variant.id(), variant.holdout(), customers.size(), exposures, opens, clicks,
                    conversions, openRate, clickRate, Proportions.wilson(conversions, exposures, confidence),
                    vsControl);
        }
    }
}
