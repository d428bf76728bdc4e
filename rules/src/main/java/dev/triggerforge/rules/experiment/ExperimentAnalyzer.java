package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures one trigger's experiment: per variant, who was exposed (sent to, or held out), which deliveries, opens,
 * clicks, unsubscribes and purchases those exposures earned within the attribution window, how each variant compares
 * with the control on the primary metric, and what the numbers say to do.
 */
public final class ExperimentAnalyzer {

    private final ExperimentSettings settings;

    public ExperimentAnalyzer(ExperimentSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The defaults with another window and confidence. */
    public ExperimentAnalyzer(Duration attributionWindow, double confidence) {
        this(ExperimentSettings.of(Objects.requireNonNull(attributionWindow, "attributionWindow"), confidence));
    }

    /**
     * The experiment of {@code trigger} (reported under its experiment id) over a run's sends, suppressions and
     * events; records of other rules are ignored, and duplicates of a send (same idempotency key) count once.
     */
    public ExperimentResult analyze(TriggerSpec trigger, Collection<EmailDecision> sends,
                                    Collection<Suppression> suppressions, Collection<CustomerEvent> events) {
        List<Variant> variants = trigger.variants();
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("trigger '" + trigger.id() + "' has no variants to compare");
        }
        List<Exposure> exposures = exposures(trigger, sends, suppressions);
        Outcomes outcomes = Outcomes.of(exposures, settings.attributionWindow(), events);
        List<ArmTally> tallies = variants.stream().map(v -> new ArmTally(v, settings.confidence())).toList();
        for (int i = 0; i < exposures.size(); i++) {
            tallies.get(exposures.get(i).variant()).add(exposures.get(i), i, outcomes);
        }
        int control = controlIndex(variants);
        Comparisons comparisons = new Comparisons(settings.confidence(), Math.max(1, variants.size() - 1),
                settings.minimumSample());
        Metric metric = settings.primaryMetric();
        ArmTally base = tallies.get(control);
        List<VariantResult> results = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            ArmTally arm = tallies.get(i);
            Comparison vsControl = i == control ? null : comparisons.of(variants.get(control).id(), metric,
                    arm.successes(metric), arm.exposures(), base.successes(metric), base.exposures());
            results.add(arm.result(vsControl));
        }
        return new ExperimentResult(trigger.experimentId(), trigger.id(), settings.attributionWindow(), metric,
                results, Recommender.recommend(results, control, settings, comparisons.alpha()));
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
                Variant picked = VariantPicker.pick(trigger.experimentId(), s.customerId(), trigger.variants());
                if (picked != null && picked.holdout()) {
                    unique.add(new Exposure(positions.get(picked.id()), s.customerId(), s.at(), null));
                }
            }
        }
        return unique.stream().sorted(Exposure.IN_TIME_ORDER).toList();
    }

    private static int controlIndex(List<Variant> variants) {
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).holdout()) {
                return i;
            }
        }
        return 0;
    }
}
