package dev.triggerforge.rules.session;

import java.time.Duration;

/**
 * How a trigger session treats time and memory.
 *
 * @param latenessTolerance how far behind the session clock an event may be and still trigger; later ones are
 *                          reported as late (their profile effects still apply)
 * @param cartRetention     how long an idle open cart is remembered
 * @param ledgerRetention   how long past sends are remembered for idempotency and once-per windows
 */
public record SessionOptions(Duration latenessTolerance, Duration cartRetention, Duration ledgerRetention) {

    public static final SessionOptions DEFAULTS =
            new SessionOptions(Duration.ofHours(2), Duration.ofDays(30), Duration.ofDays(30));

    public SessionOptions {
        if (latenessTolerance.isNegative() || cartRetention.isNegative() || ledgerRetention.isNegative()) {
            throw new IllegalArgumentException("session durations must not be negative");
        }
    }

    public SessionOptions withLatenessTolerance(Duration tolerance) {
        return new SessionOptions(tolerance, cartRetention, ledgerRetention);
    }
}
