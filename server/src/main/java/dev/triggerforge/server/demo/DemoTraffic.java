package dev.triggerforge.server.demo;

import dev.triggerforge.server.events.EventPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Feeds synthetic shoppers' events through the {@link EventPublisher} when {@code triggerforge.demo.enabled} is true,
 * so someone trying TriggerForge sees decisions within a minute without an event source of their own.
 */
@Singleton
public class DemoTraffic {

    private static final Logger LOG = Logger.getLogger(DemoTraffic.class);
    private static final long STOP_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final DemoConfig config;
    private final Instance<EventPublisher> publishers;
    private volatile Thread worker;

    DemoTraffic(DemoConfig config, Instance<EventPublisher> publishers) {
        this.config = config;
        this.publishers = publishers;
    }

    /** Runs after the messaging connector has started (default observer priority, after its 1000). */
    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (!(config.eventsPerSecond() > 0) || Double.isInfinite(config.eventsPerSecond())) {
            throw new ConfigurationException(
                    "triggerforge.demo.events-per-second must be a number above 0, got " + config.eventsPerSecond());
        }
        if (!publishers.isResolvable()) {
            throw new ConfigurationException("triggerforge.demo.enabled=true publishes through the EventPublisher bean,"
                    + " but the application has none");
        }
        DemoJourneys journeys;
        try {
            journeys = new DemoJourneys(config.customers(), config.seed(), config.backlog(), Instant.now());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        LOG.infof("Demo traffic is on (triggerforge.demo.enabled): %d synthetic customers (seed %d) replay the last %d"
                        + " minutes of shopping, then send %s new events/s until shutdown; the carts they left over 30"
                        + " minutes ago are due now, so watch GET /api/sends for decisions",
                journeys.customers(), config.seed(), journeys.backlogLength().toMinutes(),
                trim(config.eventsPerSecond()));
        Thread thread = new Thread(new DemoFeed(journeys, publishers.get(), config.eventsPerSecond(),
                Clock.systemUTC()), "triggerforge-demo");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Stops publishing on shutdown, before the messaging connector closes its connections. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        Thread thread = worker;
        if (thread != null) {
            worker = null;
            thread.interrupt();
            thread.join(STOP_WAIT_MILLIS);
        }
    }

    /** Whether the demo is publishing. */
    public boolean isRunning() {
        Thread thread = worker;
        return thread != null && thread.isAlive();
    }

    private static String trim(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
