package dev.triggerforge.rules.experiment;

import java.time.Instant;
import java.util.Comparator;

/**
 * One moment a customer met the experiment: a send of a variant ({@code sendId} is its idempotency key) or a holdout
 * suppression in its place ({@code sendId} is null); {@code variant} is the position in the trigger's variant list.
 */
record Exposure(int variant, String customerId, Instant at, String sendId) {

    /** The order attribution needs; ties broken by every field so equal inputs give equal results. */
    static final Comparator<Exposure> IN_TIME_ORDER = Comparator.comparing(Exposure::at)
            .thenComparing(Exposure::customerId)
            .thenComparingInt(Exposure::variant)
            .thenComparing(Exposure::sendId, Comparator.nullsFirst(Comparator.naturalOrder()));

    boolean isSend() {
        return sendId != null;
    }
}
