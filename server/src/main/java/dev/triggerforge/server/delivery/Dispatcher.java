package dev.triggerforge.server.delivery;

import dev.triggerforge.server.delivery.provider.ProviderGateway;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background worker that empties the outbox, so decisions become emails without any request waiting on a provider.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DeliveryConfig config;
    private final Outbox outbox;
    private final SendProcessor processor;
    private final DeliveryMetrics metrics;
    private final ProviderGateway gateway;

    private ScheduledExecutorService worker;
    private volatile boolean stopping;
    private volatile Instant holdBackUntil = Instant.MIN;

    Dispatcher(DeliveryConfig config, Outbox outbox, SendProcessor processor, DeliveryMetrics metrics,
               ProviderGateway gateway) {
        this.config = config;
        this.outbox = outbox;
        this.processor = processor;
        this.metrics = metrics;
        this.gateway = gateway;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            LOG.info("Email delivery is disabled (triggerforge.delivery.enabled=false); the outbox is not emptied");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Starts polling the outbox on one thread: every poll interval a batch of due rows is claimed and attempted, and
     * full batches are followed at once by the next. Does nothing if already running; the application calls it at
     * start when {@code triggerforge.delivery.enabled}.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopping = false;
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "triggerforge-delivery");
            t.setDaemon(true);
            return t;
        });
        long interval = config.pollInterval().toMillis();
        worker.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
        LOG.infof("Email delivery started: provider %s, poll every %d ms, batches of %d", gateway.providerName(),
                interval, config.batchSize());
    }

    /** Stops polling after the send in progress, handing unsent claimed rows back; waits up to 30 s. */
    public synchronized void stop() {
        if (worker == null) {
            return;
        }
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Email delivery did not stop within 30 s; interrupting it");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        worker = null;
        stopping = false;
        LOG.info("Email delivery stopped");
    }

    public synchronized boolean isRunning() {
        return worker != null && !worker.isShutdown();
    }

    private void poll() {
        try {
            while (!stopping && Instant.now().isAfter(holdBackUntil) && dispatchBatch() == config.batchSize()) {
                LOG.debug("Full batch dispatched; claiming the next one at once");
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Email delivery poll failed; trying again in %s", config.pollInterval());
        }
    }

    /**
     * Claims one batch of due rows and attempts each; returns how many rows were claimed. Public so tools and tests
     * can drive delivery step by step while the background worker is off.
     */
    public int dispatchBatch() {
        metrics.lag(outbox.lag().orElse(Duration.ZERO));
        List<ClaimedSend> batch = outbox.claim(config.batchSize(), config.lease());
        for (int i = 0; i < batch.size(); i++) {
            if (stopping) {
                releaseFrom(batch, i, Instant.now());
                break;
            }
            SendProcessor.Verdict verdict = processor.process(batch.get(i));
            if (!verdict.goOn()) {
                holdBackUntil = Instant.now().plus(verdict.holdBack());
                releaseFrom(batch, i + 1, holdBackUntil);
                break;
            }
        }
        return batch.size();
    }

    private void releaseFrom(List<ClaimedSend> batch, int from, Instant at) {
        for (ClaimedSend send : batch.subList(from, batch.size())) {
            outbox.release(send, at);
        }
    }
}
