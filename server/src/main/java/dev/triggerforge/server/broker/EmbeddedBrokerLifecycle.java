package dev.triggerforge.server.broker;

import dev.triggerforge.server.config.TriggerForgeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Starts the embedded broker before the messaging connector connects and stops it after the connector has closed,
 * when {@code triggerforge.broker.embedded} is true (the default); with false it does nothing and RabbitMQ is used.
 *
 * <p>Start: SmallRye Reactive Messaging wires its channels, and the RabbitMQ connector opens its connections, in an
 * observer of {@link StartupEvent} at priority {@link Interceptor.Priority#LIBRARY_BEFORE} (1000); this observer runs
 * at {@link Interceptor.Priority#PLATFORM_BEFORE} (0), so first. Stop: the connector closes its clients, waiting for
 * them, in an observer of {@code @BeforeDestroyed(ApplicationScoped.class)} at priority 50; this one runs at
 * {@link Interceptor.Priority#PLATFORM_AFTER} (4000) of the same event, so after it.
 */
@Singleton
public class EmbeddedBrokerLifecycle {

    /** Runs before SmallRye's {@code SmallRyeReactiveMessagingLifecycle.onApplicationStart} (priority 1000). */
    static final int START_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;
    /** Runs after SmallRye's {@code RabbitMQConnector.terminate} (priority 50). */
    static final int STOP_PRIORITY = Interceptor.Priority.PLATFORM_AFTER;

    private static final Logger LOG = Logger.getLogger(EmbeddedBrokerLifecycle.class);

    private final TriggerForgeConfig config;
    private volatile EmbeddedBroker broker;

    EmbeddedBrokerLifecycle(TriggerForgeConfig config) {
        this.config = config;
    }

    void start(@Observes @Priority(START_PRIORITY) StartupEvent event) {
        if (!config.broker().embedded()) {
            return;
        }
        TriggerForgeConfig.Broker b = config.broker();
        long started = System.nanoTime();
        broker = EmbeddedBroker.start(new EmbeddedBroker.Settings(b.host(), b.port(), b.username(), b.password(),
                config.dataDir().resolve("broker")));
        LOG.infof("Embedded AMQP 0-9-1 broker (Qpid Broker-J) listening on %s:%d, store %s, started in %d ms",
                b.host(), b.port(), broker.settings().storeDirectory(), (System.nanoTime() - started) / 1_000_000);
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(STOP_PRIORITY)
              @BeforeDestroyed(ApplicationScoped.class) Object event) {
        EmbeddedBroker running = broker;
        if (running != null) {
            broker = null;
            running.close();
            LOG.info("Embedded AMQP broker stopped");
        }
    }

    /** Whether this bean started a broker that is still running. */
    public boolean isRunning() {
        return broker != null;
    }
}
