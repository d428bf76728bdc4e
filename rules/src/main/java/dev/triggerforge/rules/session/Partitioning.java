package dev.triggerforge.rules.session;

import dev.triggerforge.rules.experiment.VariantPicker;

/**
 * Which partition owns a customer: the same stable hash in the simulator and on every server, so a customer's events
 * always meet the same session.
 */
public final class Partitioning {

    private Partitioning() {
    }

    public static int partitionOf(String customerId, int partitions) {
        return (int) Long.remainderUnsigned(VariantPicker.stableHash(customerId), partitions);
    }
}
