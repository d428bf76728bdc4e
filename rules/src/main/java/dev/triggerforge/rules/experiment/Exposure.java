package dev.triggerforge.rules.experiment;

import java.time.Instant;

/**
 * One moment a customer met the experiment: a send of a variant ({@code sendId} is its idempotency key) or a holdout
 * suppression in its place ({@code sendId} is null); {@code variant} is the position in the trigger's variant list.
 */
record Exposure(int variant, String customerId, Instant at, String sendId) {

    boolean isSend() {
        return sendId != null;
    }
}
