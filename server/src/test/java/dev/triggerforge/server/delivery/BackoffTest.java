package dev.triggerforge.server.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounds of the backoff: doubling up to the cap, jitter within the upper half, no overflow. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void ceilingDoublesFromBaseUpToMax() {
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(2));
        assertEquals(Duration.ofMinutes(32), backoff.ceiling(7));
        assertEquals(Duration.ofHours(1), backoff.ceiling(8));
        assertEquals(Duration.ofHours(1), backoff.ceiling(1000));
        assertEquals(Duration.ofHours(1), backoff.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void jitterSpansTheUpperHalfOfTheCeiling() {
        assertEquals(Duration.ofSeconds(15), backoff.delay(1, 0.0));
        assertEquals(Duration.ofSeconds(30), backoff.delay(1, 1.0));
        assertEquals(Duration.ofMinutes(30), backoff.delay(100, 0.0));
        assertEquals(Duration.ofHours(1), backoff.delay(100, 1.0));
    }

    @Test
    void randomDelaysStayWithinBoundsAndActuallyVary() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            Duration ceiling = backoff.ceiling(attempt);
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 200; i++) {
                long d = backoff.delay(attempt).toMillis();
                assertTrue(d >= ceiling.toMillis() / 2 && d <= ceiling.toMillis(),
                        "attempt " + attempt + ": " + d + " ms outside [" + ceiling.toMillis() / 2 + ", "
                                + ceiling.toMillis() + "]");
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            assertTrue(max - min > ceiling.toMillis() / 10, "attempt " + attempt + " shows no jitter");
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(1, 1.5));
    }
}
