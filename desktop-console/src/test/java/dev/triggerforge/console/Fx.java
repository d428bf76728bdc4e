package dev.triggerforge.console;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition read on the JavaFX thread, so tests wait for outcomes instead of sleeping. */
public final class Fx {

    private static final long LIMIT_SECONDS = 90;

    private Fx() {
    }

    /** Blocks until {@code condition} holds on the JavaFX thread; fails the test after a generous limit. */
    public static void await(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS, () -> on(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("gave up waiting for " + what, e);
        }
    }

    /** Reads {@code value} on the JavaFX thread. */
    public static <T> T on(Supplier<T> value) {
        try {
            return WaitForAsyncUtils.asyncFx(value::get).get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading on the JavaFX thread failed", e);
        }
    }
}
