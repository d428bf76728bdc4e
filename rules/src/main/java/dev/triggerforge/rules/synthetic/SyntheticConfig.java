package dev.triggerforge.rules.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that determines a synthetic data set: the same config always generates the same events and profiles.
 *
 * @param customers how many customers, at least 1
 * @param days      length of the period in days, at least 1; events fall in {@code [start, start + days)}
 * @param seed      the random seed
 * @param start     the first instant of the period
 * @param behaviour the behaviour model
 */
public record SyntheticConfig(int customers, int days, long seed, Instant start, Behaviour behaviour) {

    /** Monday 5 January 2026, 00:00 UTC: the default start of the period. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    /** Longest period: ten years keeps every instant and id comfortably in range. */
    public static final int MAX_DAYS = 3660;

    public SyntheticConfig {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, got " + customers);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS + ", got " + days);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(behaviour, "behaviour");
    }

    /** The config with the default start (2026-01-05T00:00:00Z, a Monday) and {@link Behaviour#DEFAULTS}. */
    public static SyntheticConfig of(int customers, int days, long seed) {
        return new SyntheticConfig(customers, days, seed, DEFAULT_START, Behaviour.DEFAULTS);
    }

    /** The first instant after the period. */
    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }
}
