package dev.triggerforge.server.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of min(max, base * 2^(n-1)), so
 * retries spread out (no thundering herd after an outage) yet never come sooner than half the nominal delay.
 */
public final class Backoff {

    private final long baseMillis;
    private final long maxMillis;

    public Backoff(Duration base, Duration max) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, not base " + base + ", max " + max);
        }
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The nominal delay after the given attempt (1 for the first): base doubled per attempt, capped at max. */
    public Duration ceiling(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= Long.numberOfLeadingZeros(baseMillis) - 1) {
            return Duration.ofMillis(maxMillis);
        }
        return Duration.ofMillis(Math.min(maxMillis, baseMillis << doublings));
    }

    /** A random delay in [ceiling / 2, ceiling]. */
    public Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current().nextDouble());
    }

    /** The delay for a given draw {@code unit} in [0, 1]: 0 gives half the ceiling, 1 the whole. */
    public Duration delay(int attempt, double unit) {
        if (unit < 0 || unit > 1) {
            throw new IllegalArgumentException("unit must be within [0, 1], not " + unit);
        }
        long ceiling = ceiling(attempt).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(half + Math.round((ceiling - half) * unit));
    }
}
