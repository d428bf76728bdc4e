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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hosts the partitions: one thread and one trigger session each, customers spread over them by a stable hash. It
 * starts before the messaging connector (priority 100 against its 1000), so no event arrives before a partition can
 * take it; partitions rebuild their sessions from the store in their own threads and buffer what arrives meanwhile.
 * In cluster mode (issue 10) a partition is one partition queue, and it runs here only while this instance owns that
 * queue ({@link #acquire}, {@link #release}).
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
    private final Map<Integer, Partition> live = new ConcurrentSkipListMap<>();
    private final Map<Integer, Thread> threads = new ConcurrentHashMap<>();
    private volatile ActiveRuleSet active;
    private ActiveRuleSet latest;
    private EngineContext ctx;
    private int count;
    private boolean clustered;
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
        clustered = config.cluster().enabled();
        count = clustered ? config.cluster().partitions()
                : engine.partitions().orElse(Runtime.getRuntime().availableProcessors());
        latest = active;
        OptimizationSettings learning = OptimizationSettingsOf.config(config.optimization());
        SessionOptions options = SessionOptions.DEFAULTS.withLatenessTolerance(engine.latenessTolerance())
                .withOptimization(learning);
        Instant now = Instant.now();
        policy.set(new Policy(policies.latest(now).map(PolicyStore::snapshot).orElseGet(() ->
                PolicySnapshot.empty(Instant.ofEpochMilli(learning.periodStart(now.toEpochMilli())))), learning));
        ctx = new EngineContext(options, writer, replay, metrics, Clock.systemUTC(), engine.tick(), engine.linger(),
                engine.batchSize(), count, engine.retention(), new AtomicLong(replay.maxSequence()), experiments,
                aliases, policy, policies, config.optimization().history(), clustered);
        for (int i = 0; i < count; i++) {
            int n = i;
            String tag = Integer.toString(i);
            Gauge.builder("triggerforge.partition.backlog", this, e -> e.of(n, Partition::backlog))
                    .tag("partition", tag).description("Events waiting in the partition's inbox").register(registry);
            Gauge.builder("triggerforge.partition.pending.waits", this, e -> e.of(n, Partition::pendingWaits))
                    .tag("partition", tag).register(registry);
            Gauge.builder("triggerforge.optimization.reading.customers", this, e -> e.of(n, q -> q.readingMemory()[0]))
                    .description("Customers whose reading hours the partition keeps")
                    .tag("partition", tag).register(registry);
            Gauge.builder("triggerforge.optimization.reading.evictions", this, e -> e.of(n, q -> q.readingMemory()[1]))
                    .description("Customers whose reading hours the partition forgot to stay within its bound")
                    .tag("partition", tag).register(registry);
            if (!clustered) {
                startPartition(i);
            }
        }
        LOG.infof("Engine started: %d partitions%s, tick %s, batches of up to %d events, linger %s", count,
                clustered ? " (partition queues, each run here while this instance owns it)" : "", engine.tick(),
                engine.batchSize(), engine.linger());
    }

    private double of(int partition, java.util.function.ToDoubleFunction<Partition> value) {
        Partition p = live.get(partition);
        return p == null ? 0 : value.applyAsDouble(p);
    }

    private void startPartition(int i) {
        Partition p = new Partition(i, ctx, latest);
        live.put(i, p);
        Thread t = new Thread(p, "triggerforge-partition-" + i);
        threads.put(i, t);
        t.start();
    }

    /**
     * Cluster mode: this instance now owns partition queue {@code n}. The partition starts and rebuilds its session
     * from the stored events of that partition before it takes the queue's events, which wait in its inbox meanwhile.
     * False when it already runs here.
     */
    public boolean acquire(int n) {
        if (live.containsKey(n)) {
            return false;
        }
        synchronized (this) {
            if (live.containsKey(n)) {
                return false;
            }
            startPartition(n);
            return true;
        }
    }

    /**
     * Cluster mode: this instance no longer owns partition queue {@code n} (its channel closed). The partition stops
     * after its current turn; what it has not acknowledged the broker delivers to the next owner. False when it did not
     * run here.
     */
    public boolean release(int n) {
        return release(n, Duration.ZERO);
    }

    /**
     * Like {@link #release(int)}, and waits up to {@code wait} for the partition's last turn to be committed and
     * acknowledged, so its unsettled messages can be handed back and nothing it still holds is committed later.
     */
    public boolean release(int n, Duration wait) {
        Partition p;
        Thread t;
        synchronized (this) {
            p = live.remove(n);
            t = threads.remove(n);
        }
        if (p == null) {
            return false;
        }
        p.stop();
        if (t != null && !wait.isZero()) {
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    /** The partitions running here, in order: all of them, or in cluster mode those whose queue this instance owns. */
    public List<Integer> ownedPartitions() {
        return List.copyOf(live.keySet());
    }

    /**
     * Cluster mode: hands an event that arrived on partition queue {@code n} to that partition; if this instance does
     * not own it (any more), the delivery is handed back to the broker.
     */
    public void submitTo(int n, CustomerEvent event, String json, Instant receivedAt, Instant publishedAt,
                         Delivery delivery) {
        Partition p = live.get(n);
        if (p == null) {
            delivery.failed(new IllegalStateException("partition " + n + " is not owned by this instance"));
            return;
        }
        p.submit(new Work.Event(event, json, receivedAt, publishedAt, delivery));
    }

    void stop(@Observes ShutdownEvent event) {
        live.values().forEach(Partition::stop);
        for (Thread t : threads.values()) {
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
        Partition p = partitionOf(update.customerId(), done);
        if (p != null) {
            p.submit(new Work.Profile(update, done));
        }
        return done;
    }

    /**
     * Runs {@code next} from now on: every partition swaps between two events, so each event is processed wholly
     * under one version and none is lost or repeated. Completes with the number of waits cancelled by the swap.
     */
    public CompletionStage<Integer> activate(ActiveRuleSet next, boolean cancelChanged) {
        List<CompletableFuture<Integer>> swaps = new ArrayList<>();
        synchronized (this) {
            latest = next;
            for (Partition p : live.values()) {
                CompletableFuture<Integer> done = new CompletableFuture<>();
                swaps.add(done);
                p.submit(new Work.Swap(next, cancelChanged, done));
            }
        }
        return CompletableFuture.allOf(swaps.toArray(CompletableFuture[]::new)).thenApply(all -> {
            active = next;
            return swaps.stream().mapToInt(CompletableFuture::join).sum();
        });
    }

    /** Decides adaptive variants and send times with {@code next} from each partition's next event on. */
    public void usePolicy(Policy next) {
        policy.set(next);
        live.values().forEach(p -> p.submit(new Work.UsePolicy(next)));
    }

    /** The policy partitions decide with now. */
    public Policy policy() {
        return policy.get();
    }

    /** The customer's waits that have not fired yet, asked of their partition between two turns. */
    public CompletionStage<List<PendingWait>> pendingWaits(String customerId) {
        CompletableFuture<List<PendingWait>> done = new CompletableFuture<>();
        Partition p = partitionOf(customerId, done);
        if (p != null) {
            p.submit(new Work.Waits(customerId, done));
        }
        return done;
    }

    /** The reading hours every partition has learned, summed by send-time segment. */
    public CompletionStage<ReadingHours> readingHours() {
        List<CompletableFuture<ReadingHours>> asks = new ArrayList<>();
        for (Partition p : live.values()) {
            CompletableFuture<ReadingHours> done = new CompletableFuture<>();
            asks.add(done);
            p.submit(new Work.AskReadingHours(done));
        }
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(all -> asks.stream()
                .map(CompletableFuture::join).reduce(ReadingHours.none(), ReadingHours::plus));
    }

    /**
     * True once every partition has rebuilt its session and takes events live; in cluster mode, every partition this
     * instance owns (owning none, it stands by and is ready).
     */
    public boolean ready() {
        return (clustered || !live.isEmpty()) && live.values().stream().allMatch(Partition::ready);
    }

    public ActiveRuleSet activeRules() {
        return active;
    }

    public int partitionCount() {
        return count;
    }

    /** The partition of the customer, or of the customer an anonymous visitor turned out to be. */
    private Partition partitionOf(String customerId) {
        return live.get(Partitioning.partitionOf(aliases.getOrDefault(customerId, customerId), count));
    }

    /**
     * The partition running here that holds the customer; null, with {@code failed} completed exceptionally, when in
     * cluster mode the broker placed the customer in a partition another instance owns, or placed none yet.
     */
    private Partition partitionOf(String customerId, CompletableFuture<?> failed) {
        if (!clustered) {
            return partitionOf(customerId);
        }
        OptionalInt n = replay.partitionOfCustomer(customerId);
        Partition p = n.isPresent() ? live.get(n.getAsInt()) : null;
        if (p == null) {
            failed.completeExceptionally(new PartitionElsewhereException(n.isPresent()
                    ? "customer " + customerId + " is in partition " + n.getAsInt() + ", owned by another instance"
                    : "no event of customer " + customerId + " has been processed yet, so no partition holds it; "
                    + "in cluster mode send profile values as profile_update events"));
        }
        return p;
    }
}
