package dev.triggerforge.server.demo;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.server.events.EventPublisher;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo's publishing loop, run on a thread of its own: the backlog as fast as the publisher confirms, then live
 * events at a steady rate until interrupted. Each event waits for its confirmation, so events go out in order.
 */
final class DemoFeed implements Runnable {

    private static final Logger LOG = Logger.getLogger(DemoFeed.class);
    private static final long CONFIRM_TIMEOUT_SECONDS = 30;
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long FAILURE_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How far the loop may fall behind its rate before it stops catching up with a burst. */
    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DemoJourneys journeys;
    private final EventPublisher publisher;
    private final long intervalNanos;
    private final Clock clock;
    private long failures;
    private long lastFailureLog = System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS;

    DemoFeed(DemoJourneys journeys, EventPublisher publisher, double eventsPerSecond, Clock clock) {
        this.journeys = journeys;
        this.publisher = publisher;
        this.intervalNanos = Math.max(1, Math.round(1e9 / eventsPerSecond));
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            long started = System.nanoTime();
            int sent = 0;
            for (CustomerEvent e : journeys.backlog()) {
                sent += publish(e) ? 1 : 0;
            }
            LOG.debugf("Demo backlog: %d events published in %d ms", sent, (System.nanoTime() - started) / 1_000_000);
            LiveEvents live = journeys.live();
            long due = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                publish(live.next(clock.instant()));
                due = Math.max(due + intervalNanos, System.nanoTime() - MAX_LAG_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes and waits for the confirmation; a failure is counted, logged at most once a minute, and skipped. */
    private boolean publish(CustomerEvent event) throws InterruptedException {
        try {
            publisher.publish(event).toCompletableFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failures++;
            long now = System.nanoTime();
            if (now - lastFailureLog >= FAILURE_LOG_INTERVAL_NANOS) {
                lastFailureLog = now;
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                LOG.warnf("Demo traffic could not publish event %s (%d failures so far): %s", event.eventId(),
                        failures, cause.toString());
            }
            LockSupport.parkNanos(FAILURE_PAUSE_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            return false;
        }
    }
}
