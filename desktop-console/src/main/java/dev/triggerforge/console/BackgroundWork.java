package dev.triggerforge.console;

import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the console's long work (compiling, simulating) on daemon threads, never on the JavaFX thread. */
public final class BackgroundWork implements AutoCloseable {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-work-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public <T> Task<T> start(Task<T> task) {
        pool.execute(task);
        return task;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
