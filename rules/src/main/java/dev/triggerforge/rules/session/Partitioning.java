package dev.triggerforge.rules.session;


/**
 * Which partition owns a customer: the same stable hash in the simulator and on every server, so a customer's events
 * always meet the same session.
 */
public final class Partitioning {

    private Partitioning() {
    }

    public static int partitionOf(String customerId, int partitions) {
        return (int) Long.remainderUnsigned(StableHash.of(customerId), partitions);
    }
}
