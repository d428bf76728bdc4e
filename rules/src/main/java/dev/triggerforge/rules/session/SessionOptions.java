package dev.triggerforge.rules.session;

import dev.triggerforge.rules.optimization.OptimizationSettings;

import java.time.Duration;

/**
 * How a trigger session treats time and memory.
 *
 * @param latenessTolerance how far behind the session clock an event may be and still trigger; later ones are
 *                          reported as late (their profile effects still apply)
 * @param cartRetention     how long an idle open cart is remembered
 * @param ledgerRetention   how long past sends are remembered for idempotency and once-per windows
 * @param optimization      how adaptive variants and send times learn
 */
public record SessionOptions(Duration latenessTolerance, Duration cartRetention, Duration ledgerRetention,
                             OptimizationSettings optimization) {

    public static final SessionOptions DEFAULTS =
            new SessionOptions(Duration.ofHours(2), Duration.ofDays(30), Duration.ofDays(30));

    public SessionOptions {
        if (latenessTolerance.isNegative() || cartRetention.isNegative() || ledgerRetention.isNegative()) {
            throw new IllegalArgumentException("session durations must not be negative");
        }
        optimization = optimization == null ? OptimizationSettings.DEFAULTS : optimization;
    }

    /** Options with the default optimization settings. */
    public SessionOptions(Duration latenessTolerance, Duration cartRetention, Duration ledgerRetention) {
        this(latenessTolerance, cartRetention, ledgerRetention, null);
    }

    public SessionOptions withLatenessTolerance(Duration tolerance) {
        return new SessionOptions(tolerance, cartRetention, ledgerRetention, optimization);
    }

    public SessionOptions withOptimization(OptimizationSettings settings) {
        return new SessionOptions(latenessTolerance, cartRetention, ledgerRetention, settings);
    }
}
