package dev.triggerforge.rules.compile;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a compilation on a thread of its own and gives up on it after a timeout, so a rule set that takes Drools too
 * long (or forever) is rejected instead of holding the deployment that asked for it.
 *
 * <p>A runaway Drools build cannot be stopped safely: {@code Thread.stop} is gone and the builder does not answer
 * interrupts. The thread is therefore a daemon, interrupted on timeout and then left alone: it never keeps the JVM
 * from exiting, but it keeps using a core and its memory until it finishes by itself, and its result is dropped.
 */
final class Deadline {

    /** Work that may reject the rule set. */
    interface Work<T> {
        T run() throws RuleSetRejectedException;
    }

    static final String THREAD_PREFIX = "triggerforge-rule-compiler-";
    private static final AtomicLong THREADS = new AtomicLong();

    private Deadline() {
    }

    static <T> T run(Duration timeout, Work<T> work) throws RuleSetRejectedException {
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread thread = new Thread(task, THREAD_PREFIX + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw reject("compiling the rule set took longer than " + human(timeout)
                    + " and was abandoned: make it smaller or simpler (limit compileTimeout)");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw reject("compiling the rule set was interrupted");
        } catch (ExecutionException e) {
            throw rejection(e.getCause());
        }
    }

    private static RuleSetRejectedException rejection(Throwable cause) {
        if (cause instanceof RuleSetRejectedException rejected) {
            return rejected;
        }
        if (cause instanceof StackOverflowError) {
            return reject("the rule set is nested too deeply or has expressions too long to compile: simplify it");
        }
        if (cause instanceof OutOfMemoryError) {
            return reject("compiling the rule set needs more memory than the server has: make it smaller");
        }
        return reject("the rule set could not be compiled (internal error " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("")) + ")");
    }

    private static RuleSetRejectedException reject(String message) {
        return new RuleSetRejectedException(List.of(new CompileError("rule set", 0, 0, message)));
    }

    private static String human(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : (d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0));
    }
}
