package dev.triggerforge.server.engine;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.profile.ProfileUpdate;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.optimization.Policy;
import dev.triggerforge.rules.optimization.ReadingHours;
import dev.triggerforge.rules.session.Partitioning;
import dev.triggerforge.rules.session.PendingWait;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.server.config.TriggerForgeConfig;
import dev.triggerforge.server.experiments.ExperimentSwitch;
import dev.triggerforge.server.optimization.OptimizationSettingsOf;
import dev.triggerforge.server.optimization.PolicyStore;
import dev.triggerforge.server.rulesets.ActiveRuleSet;
import dev.triggerforge.server.rulesets.Compilations;
import dev.triggerforge.server.rulesets.RuleSetStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hosts the partitions: one thread and one trigger session each, customers spread over them by a stable hash. It
 * starts before the messaging connector (priority 100 against its 1000), so no event arrives before a partition can
 * take it; partitions rebuild their sessions from the store in their own threads and buffer what arrives meanwhile.
 */
@ApplicationScoped
public class Engine {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final TriggerForgeConfig config;
    private final RuleSetStore ruleSets;
    private final Compilations compilations;
    private final BatchWriter writer;
    private final EventReplay replay;
    private final EngineMetrics metrics;
    private final MeterRegistry registry;
    private final ExperimentSwitch experiments;
    private final PolicyStore policies;
    private final List<Partition> partitions = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile ActiveRuleSet active;
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final AtomicReference<Policy> policy = new AtomicReference<>();

    Engine(TriggerForgeConfig config, RuleSetStore ruleSets, Compilations compilations, BatchWriter writer,
           EventReplay replay, EngineMetrics metrics, MeterRegistry registry, ExperimentSwitch experiments,
           PolicyStore policies) {
        this.config = config;
        this.ruleSets = ruleSets;
        this.compilations = compilations;
        this.writer = writer;
        this.replay = replay;
        this.metrics = metrics;
        this.registry = registry;
        this.experiments = experiments;
        this.policies = policies;
    }

    void start(@Observes @Priority(100) StartupEvent event) {
        active = compilations.of(ruleSets.active());
        experiments.reload();
        aliases.putAll(replay.aliases());
        LOG.infof("Running rule set version %d (%d triggers)", active.version(), active.compiled().triggers().size());
        TriggerForgeConfig.Engine engine = config.engine();
        int count = engine.partitions().orElse(Runtime.getRuntime().availableProcessors());
        OptimizationSettings learning = OptimizationSettingsOf.config(config.optimization());
        SessionOptions options = SessionOptions.DEFAULTS.withLatenessTolerance(engine.latenessTolerance())
                .withOptimization(learning);
        Instant now = Instant.now();
        policy.set(new Policy(policies.latest(now).map(PolicyStore::snapshot).orElseGet(() ->
                PolicySnapshot.empty(Instant.ofEpochMilli(learning.periodStart(now.toEpochMilli())))), learning));
        EngineContext ctx = new EngineContext(active, options, writer, replay, metrics, Clock.systemUTC(),
                engine.tick(), engine.batchSize(), count, engine.retention(), new AtomicLong(replay.maxSequence()),
                experiments, aliases, policy, policies, config.optimization().history());
        for (int i = 0; i < count; i++) {
            Partition p = new Partition(i, ctx);
            partitions.add(p);
            Gauge.builder("triggerforge.partition.backlog", p, Partition::backlog).tag("partition", Integer.toString(i))
                    .description("Events waiting in the partition's inbox").register(registry);
            Gauge.builder("triggerforge.partition.pending.waits", p, Partition::pendingWaits)
                    .tag("partition", Integer.toString(i)).register(registry);
            Gauge.builder("triggerforge.optimization.reading.customers", p, q -> q.readingMemory()[0])
                    .description("Customers whose reading hours the partition keeps")
                    .tag("partition", Integer.toString(i)).register(registry);
            Gauge.builder("triggerforge.optimization.reading.evictions", p, q -> q.readingMemory()[1])
                    .description("Customers whose reading hours the partition forgot to stay within its bound")
                    .tag("partition", Integer.toString(i)).register(registry);
            Thread t = new Thread(p, "triggerforge-partition-" + i);
            threads.add(t);
            t.start();
        }
        LOG.infof("Engine started: %d partitions, tick %s, batches of up to %d events", count, engine.tick(),
                engine.batchSize());
    }

    void stop(@Observes ShutdownEvent event) {
        partitions.forEach(Partition::stop);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Hands an event to its customer's partition; the delivery is settled once its effects are committed. An identify
     * event whose visitor lives in another partition goes there first, to hand the visitor's state over.
     */
    public void submit(CustomerEvent event, String json, Instant receivedAt, Instant publishedAt, Delivery delivery) {
        Work.Event work = new Work.Event(event, json, receivedAt, publishedAt, delivery);
        Partition target = partitionOf(event.customerId());
        String visitor = event.identifiedVisitor();
        Partition visitorsOwn = visitor == null ? target : partitionOf(visitor);
        if (visitorsOwn != target) {
            visitorsOwn.submit(new Work.HandOver(visitor, work, target));
        } else {
            target.submit(work);
        }
    }

    /** Merges stated profile values in the customer's partition, in order with the customer's events. */
    public CompletionStage<ProfileChange> updateProfile(ProfileUpdate update) {
        CompletableFuture<ProfileChange> done = new CompletableFuture<>();
        partitionOf(update.customerId()).submit(new Work.Profile(update, done));
        return done;
    }

    /**
     * Runs {@code next} from now on: every partition swaps between two events, so each event is processed wholly
     * under one version and none is lost or repeated. Completes with the number of waits cancelled by the swap.
     */
    public CompletionStage<Integer> activate(ActiveRuleSet next, boolean cancelChanged) {
        List<CompletableFuture<Integer>> swaps = new ArrayList<>();
        for (Partition p : partitions) {
            CompletableFuture<Integer> done = new CompletableFuture<>();
            swaps.add(done);
            p.submit(new Work.Swap(next, cancelChanged, done));
        }
        return CompletableFuture.allOf(swaps.toArray(CompletableFuture[]::new)).thenApply(all -> {
            active = next;
            return swaps.stream().mapToInt(CompletableFuture::join).sum();
        });
    }

    /** Decides adaptive variants and send times with {@code next} from each partition's next event on. */
    public void usePolicy(Policy next) {
        policy.set(next);
        partitions.forEach(p -> p.submit(new Work.UsePolicy(next)));
    }

    /** The policy partitions decide with now. */
    public Policy policy() {
        return policy.get();
    }

    /** The customer's waits that have not fired yet, asked of their partition between two turns. */
    public CompletionStage<List<PendingWait>> pendingWaits(String customerId) {
        CompletableFuture<List<PendingWait>> done = new CompletableFuture<>();
        partitionOf(customerId).submit(new Work.Waits(customerId, done));
        return done;
    }

    /** The reading hours every partition has learned, summed by send-time segment. */
    public CompletionStage<ReadingHours> readingHours() {
        List<CompletableFuture<ReadingHours>> asks = new ArrayList<>();
        for (Partition p : partitions) {
            CompletableFuture<ReadingHours> done = new CompletableFuture<>();
            asks.add(done);
            p.submit(new Work.AskReadingHours(done));
        }
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(all -> asks.stream()
                .map(CompletableFuture::join).reduce(ReadingHours.none(), ReadingHours::plus));
    }

    /** True once every partition has rebuilt its session and takes events live. */
    public boolean ready() {
        return !partitions.isEmpty() && partitions.stream().allMatch(Partition::ready);
    }

    public ActiveRuleSet activeRules() {
        return active;
    }

    public int partitionCount() {
        return partitions.size();
    }

    /** The partition of the customer, or of the customer an anonymous visitor turned out to be. */
    private Partition partitionOf(String customerId) {
        return partitions.get(Partitioning.partitionOf(aliases.getOrDefault(customerId, customerId),
                partitions.size()));
    }
}
