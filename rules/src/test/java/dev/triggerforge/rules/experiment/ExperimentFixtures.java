package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders for experiment tests: triggers with variants, sends, holdouts and feedback events. */
final class ExperimentFixtures {

    static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

    private ExperimentFixtures() {
    }

    static Variant arm(String id, int weight) {
        return new Variant(id, weight, false, null, null, null);
    }

    static Variant holdoutArm(String id, int weight) {
        return new Variant(id, weight, true, null, null, null);
    }

    static TriggerSpec trigger(String id, Variant... variants) {
        return new TriggerSpec(id, id, null, 0, null, null, null, null, null, null, null, "tpl-" + id, null,
                List.of(variants), null);
    }

    static EmailDecision send(String key, String ruleId, String customerId, String variant, Instant at) {
        return new EmailDecision(key, ruleId, customerId, "tpl-" + ruleId, variant, at, null, null);
    }

    static Suppression heldOut(String ruleId, String customerId, Instant at) {
        return new Suppression(ruleId, customerId, at, SuppressionReason.HOLDOUT, "holdout group of " + ruleId, null);
    }

    static CustomerEvent event(String id, String customerId, EventType type, Instant at) {
        return CustomerEvent.of(id, customerId, type, at, null);
    }

    static CustomerEvent feedback(String id, String customerId, EventType type, Instant at, String sendId) {
        return CustomerEvent.of(id, customerId, type, at, Map.of("sendId", sendId));
    }

    /** The {@code nth} customer id (counting from 0) that the picker puts in the given variant of the trigger. */
    static String customerIn(TriggerSpec trigger, String variantId, int nth) {
        int found = 0;
        for (int i = 0; ; i++) {
            String customer = "c" + i;
            if (VariantPicker.pick(trigger.id(), customer, trigger.variants()).id().equals(variantId)
                    && found++ == nth) {
                return customer;
            }
        }
    }

    static VariantResult variant(ExperimentResult result, String id) {
        return result.variants().stream().filter(v -> v.variant().equals(id)).findFirst().orElseThrow();
    }
}
