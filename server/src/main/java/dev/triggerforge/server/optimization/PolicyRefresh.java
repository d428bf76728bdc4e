package dev.triggerforge.server.optimization;

import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.optimization.ReadingHours;
import dev.triggerforge.server.config.TriggerForgeConfig;
import dev.triggerforge.server.engine.Engine;
import dev.triggerforge.server.rulesets.ControlChannel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves the engine to each new learning period's policy: the first instance to notice the period computes it from
 * the store and stores it, every other instance reads that one back, so all partitions everywhere decide alike.
 */
@ApplicationScoped
public class PolicyRefresh {

    private static final Logger LOG = Logger.getLogger(PolicyRefresh.class);
    private static final long ASK_SECONDS = 30;

    private final Engine engine;
    private final PolicyStore store;
    private final PolicyLearner learner;
    private final ControlChannel control;
    private final OptimizationSettings settings;
    private final MeterRegistry registry;

    PolicyRefresh(Engine engine, PolicyStore store, PolicyLearner learner, ControlChannel control,
                  TriggerForgeConfig config, MeterRegistry registry) {
        this.engine = engine;
        this.store = store;
        this.learner = learner;
        this.control = control;
        this.settings = OptimizationSettingsOf.config(config.optimization());
        this.registry = registry;
    }

    void registerMetrics(@Observes StartupEvent event) {
        Gauge.builder("triggerforge.optimization.policy.age", this, r -> r.policyAge().toSeconds())
                .description("Seconds since the learning period of the policy in use began").baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${triggerforge.optimization.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        try {
            refresh(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "The learning period's policy could not be computed; the engine keeps the previous one");
        }
    }

    /** Moves the engine to the policy of the period holding {@code now} if it is not there yet; returns it. */
    public Policy refresh(Instant now) {
        Policy current = engine.policy();
        Instant start = Instant.ofEpochMilli(settings.periodStart(now.toEpochMilli()));
        if (!engine.ready() || !current.at().isBefore(start)) {
            return current;
        }
        PolicyRecord record = store.find(start).orElseGet(() -> store.storeFirst(
                learner.learn(start, engine.activeRules().compiled().triggers(), readingHours(), settings),
                control.instanceId(), now));
        Policy next = new Policy(PolicyStore.snapshot(record), settings);
        engine.usePolicy(next);
        LOG.debugf("Learning period %s: policy computed by %s", start, record.computedBy);
        return next;
    }

    /** The snapshot the engine decides with now. */
    public PolicySnapshot current() {
        return engine.policy().snapshot();
    }

    public OptimizationSettings settings() {
        return settings;
    }

    private Duration policyAge() {
        return Duration.between(engine.policy().at(), Instant.now());
    }

    private ReadingHours readingHours() {
        try {
            return engine.readingHours().toCompletableFuture().get(ASK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the partitions for reading hours", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the partitions did not report their reading hours", e);
        }
    }
}
