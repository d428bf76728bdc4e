package dev.triggerforge.server.events;

import dev.triggerforge.server.config.TriggerForgeConfig;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Deletes stored events older than the retention window once an hour, so the event store does not grow forever. */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    private final Database database;
    private final TriggerForgeConfig config;
    private ScheduledExecutorService timer;

    EventRetention(Database database, TriggerForgeConfig config) {
        this.database = database;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "triggerforge-retention"));
        timer.scheduleWithFixedDelay(this::sweepSafely, 1, 60, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Deletes events received before the retention window; returns how many. */
    public int sweep(Instant now) {
        Instant cutoff = now.minus(config.engine().retention());
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createMutationQuery("delete from StoredEvent e where e.receivedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    private void sweepSafely() {
        try {
            int deleted = sweep(Instant.now());
            if (deleted > 0) {
                LOG.infof("Deleted %d stored events older than %s", deleted, config.engine().retention());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Stored events could not be swept this hour: %s", e.getMessage());
        }
    }
}
