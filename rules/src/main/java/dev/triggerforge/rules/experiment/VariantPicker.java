package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.session.StableHash;

import java.util.List;

/**
 * Sticky, deterministic variant assignment: the same (experiment, customer) pair always lands in the same variant,
 * in the simulator and on every server, without storing anything.
 */
public final class VariantPicker {

    private VariantPicker() {
    }

    /** The variant for the customer, or null when there are no variants (or all weights are zero). */
    public static Variant pick(String experimentId, String customerId, List<Variant> variants) {
        int total = variants.stream().mapToInt(Variant::weight).sum();
        if (total <= 0) {
            return null;
        }
        long bucket = Long.remainderUnsigned(StableHash.of(experimentId + '\u0000' + customerId), total);
        for (Variant v : variants) {
            bucket -= v.weight();
            if (bucket < 0) {
                return v;
            }
        }
        throw new IllegalStateException("unreachable: bucket beyond total weight");
    }
}
