package dev.triggerforge.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Every TriggerForge setting, under the prefix {@code triggerforge}, with the defaults of the embedded product. */
@ConfigMapping(prefix = "triggerforge")
public interface TriggerForgeConfig {

    /** Where the embedded database and broker keep their files. */
    Path dataDir();

    /** This instance's name in the control channel and in {@code GET /api/rulesets/instances}; pid@host if absent. */
    Optional<String> instanceId();

    /** h2 (embedded) or postgresql. */
    @WithDefault("h2")
    String database();

    Engine engine();

    Events events();

    Broker broker();

    Security security();

    RuleLimits rules();

    /** Bounds on an uploaded rule set, so a pathological one is refused instead of taking the server down. */
    interface RuleLimits {
        /** Total size of a rule set's DRL and specs. */
        @WithDefault("1048576")
        long maxBytes();

        /** Rules, generated ones included. */
        @WithDefault("2000")
        int maxRules();

        /** Longest a compilation may take. */
        @WithDefault("30s")
        Duration compileTimeout();
    }

    Control control();

    Cluster cluster();

    /**
     * Partitioned consumption across instances on RabbitMQ (issue 10): events hashed by customer into a fixed number
     * of queues, one active consumer per queue, so several instances share the load and take over from each other.
     */
    interface Cluster {
        /** Off: one queue, one consuming instance (the embedded broker can do nothing else). */
        @WithDefault("false")
        boolean enabled();

        /** Number of partition queues; fixed for the life of a deployment, changing it needs a drain. */
        @WithDefault("16")
        int partitions();

        /** Consistent-hash exchange bound from the events exchange, spreading events over the partition queues. */
        @WithDefault("triggerforge.partitioned")
        String exchange();

        /** Partition queues are named this prefix plus {@code .<n>}. */
        @WithDefault("triggerforge.partition")
        String queuePrefix();

        /** Message header the exchange hashes on; every publisher must set it to the event's customer id. */
        @WithDefault("x-customer-id")
        String hashHeader();

        /** Unacknowledged messages one instance holds per partition queue it owns. */
        @WithDefault("500")
        int prefetch();

        /** How often each instance sends a probe through every partition queue, so an idle queue finds its owner. */
        @WithDefault("1s")
        Duration probeInterval();

        /**
         * How often an instance compares the partitions it owns with its fair share (partitions / instances consuming)
         * and hands the surplus to instances waiting on those queues.
         */
        @WithDefault("5s")
        Duration rebalanceInterval();
    }

    Experiments experiments();

    Optimization optimization();

    /** Adaptive variants and send times: how they learn and how often the shared policy is refreshed. */
    interface Optimization {
        /** Length of a learning period; every decision in a period uses the same counts. */
        @WithDefault("1h")
        Duration period();

        /** A send counts as a trial once this old, and as a success if it was clicked within it. */
        @WithDefault("24h")
        Duration rewardWindow();

        /** The least share of the sending traffic every variant of an adaptive experiment keeps. */
        @WithDefault("0.05")
        double minShare();

        /** Trials a segment needs before its own counts decide instead of everyone's. */
        @WithDefault("200")
        long minSegmentTrials();

        /** Posterior draws per segment and period that estimate the Thompson probabilities. */
        @WithDefault("1000")
        int draws();

        /** How many of a customer's own opens and clicks weigh as much as their segment's habits. */
        @WithDefault("4")
        double priorStrength();

        /** Customers whose reading hours each partition keeps in memory (least recently used evicted). */
        @WithDefault("250000")
        int maxCustomers();

        /** Segments kept per experiment besides the pooled one. */
        @WithDefault("1000")
        int maxSegments();

        /** How far back opens and clicks are read to rebuild the reading hours when a partition starts. */
        @WithDefault("90d")
        Duration history();

        /** How often an instance looks whether a new period has begun. */
        @WithDefault("10s")
        String checkEvery();
    }

    interface Experiments {
        /** How often running experiments with automatic promotion are judged; {@code off} never. */
        @WithDefault("15m")
        String evaluateEvery();
    }

    interface Security {
        /** The first admin's bearer token, handed in by the operator (e.g. from a secret store); random if absent. */
        Optional<String> bootstrapToken();
    }

    interface Control {
        /** Fanout exchange that carries rule-set activations to every instance. */
        @WithDefault("triggerforge.control")
        String exchange();
    }

    interface Engine {
        /** Number of partitions, each one single-threaded session; the number of cores when absent. */
        OptionalInt partitions();

        /** How often every session's clock is moved to wall time when no event arrives. */
        @WithDefault("1s")
        Duration tick();

        /**
         * How long a turn that has begun with fewer than a tenth of a batch waits for more events before it commits:
         * fewer, larger transactions at moderate rates, at the price of at most this much latency; 0 commits at once.
         */
        @WithDefault("5ms")
        Duration linger();

        /** Most events one partition commits in one transaction. */
        @WithDefault("500")
        int batchSize();

        /** How far behind wall time an event may have occurred and still trigger. */
        @WithDefault("2h")
        Duration latenessTolerance();

        /** How long stored events are kept and replayed after a restart; at least the rules' longest window. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Events {
        @WithDefault("triggerforge.events")
        String exchange();

        @WithDefault("triggerforge.events")
        String queue();

        @WithDefault("triggerforge.events.dlx")
        String deadLetterExchange();

        @WithDefault("triggerforge.events.dead")
        String deadLetterQueue();

        /** Routing key that binds the dead-letter queue to its exchange. */
        @WithDefault("dead")
        String deadLetterRoutingKey();

        /** Unacknowledged messages one server holds; acknowledgements wait for the commit. */
        @WithDefault("2000")
        int prefetch();

        /** Queue of the browse lane: page, product and category views and searches, routed {@code browse.<type>}. */
        @WithDefault("triggerforge.events.browse")
        String browseQueue();

        /**
         * Unacknowledged browse-lane messages one server holds: small, so a flood of views never stands long in
         * front of a cart or purchase event inside the server.
         */
        @WithDefault("200")
        int browsePrefetch();
    }

    interface Broker {
        /** Start the in-process AMQP 0-9-1 broker (Apache Qpid Broker-J); off in production, where RabbitMQ runs. */
        @WithDefault("true")
        boolean embedded();

        @WithDefault("127.0.0.1")
        String host();

        /** The broker's port; the embedded broker listens here, off the standard 5672 that RabbitMQ may hold. */
        @WithDefault("5682")
        int port();

        @WithDefault("guest")
        String username();

        @WithDefault("guest")
        String password();

        Optional<String> virtualHost();
    }
}
