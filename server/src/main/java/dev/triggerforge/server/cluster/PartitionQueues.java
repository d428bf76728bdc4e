package dev.triggerforge.server.cluster;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.InvalidEventException;
import dev.triggerforge.server.broker.BrokerConnections;
import dev.triggerforge.server.config.TriggerForgeConfig;
import dev.triggerforge.server.engine.Engine;
import dev.triggerforge.server.events.DeadLetters;
import dev.triggerforge.server.events.IngestMetrics;
import dev.triggerforge.server.events.Lanes;
import dev.triggerforge.server.events.PublishedAt;
import dev.triggerforge.server.rulesets.ControlChannel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Consumes every partition queue with the RabbitMQ client directly: one channel and one consumer per queue, of which
 * RabbitMQ keeps one per queue active across all instances (single active consumer). The messaging connector could
 * declare such queues, but it offers neither a channel per configured count of queues nor a sign of which consumer is
 * active; here a queue's first delivery is that sign, and a probe each instance sends through every queue makes an
 * idle queue deliver too, so its owner starts firing the waits of its customers. Owning a queue means running its
 * partition in the {@link Engine}, which rebuilds it from the store first; losing the channel gives it up. RabbitMQ
 * never moves an active consumer by itself, so an instance that owns more than its fair share (partitions divided by
 * the consumers of a queue) hands the surplus on: it stops the partition, closes that queue's channel (unsettled
 * messages go back to the queue) and subscribes again, behind the instances already waiting.
 */
@ApplicationScoped
public class PartitionQueues {

    /** Marks a probe message: acknowledged at once, it only makes the active consumer known. */
    public static final String PROBE_HEADER = "x-triggerforge-probe";

    private static final Logger LOG = Logger.getLogger(PartitionQueues.class);

    private final TriggerForgeConfig config;
    private final Engine engine;
    private final DeadLetters deadLetters;
    private final IngestMetrics ingest;
    private final ClusterMetrics metrics;
    private final ControlChannel control;
    private AtomicReferenceArray<QueueConsumer> current;
    private Connection connection;
    private Channel inspector;
    private String instance;
    private ScheduledExecutorService prober;

    PartitionQueues(TriggerForgeConfig config, Engine engine, DeadLetters deadLetters, IngestMetrics ingest,
                    ClusterMetrics metrics, ControlChannel control) {
        this.config = config;
        this.engine = engine;
        this.deadLetters = deadLetters;
        this.ingest = ingest;
        this.metrics = metrics;
        this.control = control;
    }

    void start(@Observes @Priority(1100) StartupEvent event) throws IOException, TimeoutException {
        TriggerForgeConfig.Cluster cluster = config.cluster();
        if (!cluster.enabled()) {
            return;
        }
        metrics.register(cluster.partitions());
        instance = control.instanceId();
        current = new AtomicReferenceArray<>(cluster.partitions());
        connection = BrokerConnections.open(config.broker(), "triggerforge-partitions-" + instance, true);
        for (int n = 0; n < cluster.partitions(); n++) {
            subscribe(n);
        }
        Channel probes = connection.createChannel();
        AMQP.BasicProperties probe = new AMQP.BasicProperties.Builder().deliveryMode(1)
                .headers(Map.of(PROBE_HEADER, instance)).build();
        prober = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "triggerforge-partition-probes"));
        long every = cluster.probeInterval().toMillis();
        prober.scheduleWithFixedDelay(() -> {
            try {
                for (int n = 0; n < cluster.partitions(); n++) {
                    probes.basicPublish("", ClusterTopology.queueName(cluster, n), probe, new byte[0]);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Partition probes not sent: %s", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        long rebalance = cluster.rebalanceInterval().toMillis();
        prober.scheduleWithFixedDelay(this::rebalance, rebalance, rebalance, TimeUnit.MILLISECONDS);
        LOG.infof("Consuming %d partition queues %s.0..%d as %s; RabbitMQ makes one consumer per queue active",
                cluster.partitions(), cluster.queuePrefix(), cluster.partitions() - 1, instance);
    }

    private void subscribe(int n) throws IOException {
        Channel channel = connection.createChannel();
        channel.basicQos(config.cluster().prefetch());
        QueueConsumer consumer = new QueueConsumer(channel, n);
        current.set(n, consumer);
        channel.basicConsume(ClusterTopology.queueName(config.cluster(), n), false, instance + "-" + n, consumer);
    }

    /**
     * Hands partitions beyond this instance's fair share to the instances waiting on their queues; only a queue with
     * a waiting consumer is handed on, so a consumer count that still includes a dead instance moves nothing.
     */
    private void rebalance() {
        try {
            int partitions = config.cluster().partitions();
            int[] waiting = new int[partitions];
            int consumers = 0;
            for (int n = 0; n < partitions; n++) {
                if (inspector == null || !inspector.isOpen()) {
                    inspector = connection.createChannel();
                }
                int count = inspector.queueDeclarePassive(ClusterTopology.queueName(config.cluster(), n))
                        .getConsumerCount();
                waiting[n] = count - 1;
                consumers = Math.max(consumers, count);
            }
            if (consumers <= 1) {
                return;
            }
            int fair = (partitions + consumers - 1) / consumers;
            List<Integer> owned = engine.ownedPartitions();
            for (int i = owned.size() - 1, surplus = owned.size() - fair; i >= 0 && surplus > 0; i--) {
                if (waiting[owned.get(i)] > 0) {
                    handOff(owned.get(i), fair, consumers);
                    surplus--;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Partition rebalancing skipped this round: %s", e.toString());
        }
    }

    /**
     * The old consumer stops taking deliveries first (what it still gets goes back to the queue with its channel);
     * the new one, subscribed behind the waiting instances, takes them at once if no instance is waiting after all.
     */
    private void handOff(int n, int fair, int consumers) throws IOException {
        QueueConsumer old = current.get(n);
        old.retired = true;
        if (engine.release(n, Duration.ofSeconds(15))) {
            metrics.released();
            LOG.infof("Partition %d handed on: %d instances consume, this one keeps %d partitions", n,
                    consumers, fair);
        }
        try {
            old.getChannel().close();
        } catch (TimeoutException | IOException | RuntimeException e) {
            LOG.debugf("Channel of partition %d already closed: %s", n, e.toString());
        }
        subscribe(n);
    }

    /**
     * A graceful stop hands the partitions on cleanly: it runs after the engine's own stop (priority 3000 against the
     * default 2500), which lets every partition finish, commit and acknowledge its turn; only then does the connection
     * close and return the rest to the queues, for the instances waiting on them.
     */
    void stop(@Observes @Priority(3000) ShutdownEvent event) {
        if (connection == null) {
            return;
        }
        prober.shutdownNow();
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Closing the partition connection: %s", e.toString());
        }
    }

    /** The consumer of one partition queue; RabbitMQ delivers to it only while it is the queue's active consumer. */
    private final class QueueConsumer extends DefaultConsumer {

        private final int partition;
        private final Acknowledgements acks;
        private volatile boolean retired;

        QueueConsumer(Channel channel, int partition) {
            super(channel);
            this.partition = partition;
            this.acks = new Acknowledgements(channel);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                                   byte[] payload) throws IOException {
            if (retired || current.get(partition) != this) {
                return;
            }
            if (engine.acquire(partition)) {
                metrics.acquired();
                LOG.infof("Partition %d acquired: its queue delivers here now; rebuilding it from the store",
                        partition);
            }
            Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
            long tag = envelope.getDeliveryTag();
            if (headers.containsKey(PROBE_HEADER)) {
                acks.settled(tag);
                acks.flush();
                return;
            }
            Instant received = Instant.now();
            String body = new String(payload, StandardCharsets.UTF_8);
            CustomerEvent event;
            try {
                event = EventCodec.decode(body);
            } catch (InvalidEventException e) {
                reject(tag, body, envelope.getRoutingKey(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                reject(tag, body, envelope.getRoutingKey(), "unreadable event: " + e);
                return;
            }
            String header = config.cluster().hashHeader();
            Object hashed = headers.get(header);
            if (hashed == null) {
                reject(tag, body, envelope.getRoutingKey(), "missing header " + header + ": in cluster mode every "
                        + "event must carry its customer id there, or it cannot be placed in its customer's partition");
                return;
            }
            if (!hashed.toString().equals(event.customerId())) {
                reject(tag, body, envelope.getRoutingKey(), "header " + header + " '" + hashed + "' is not the "
                        + "event's customer '" + event.customerId() + "': it would be processed in another customer's "
                        + "partition");
                return;
            }
            ingest.consumed(event.type().name());
            ingest.ingestionLag(Lanes.BROWSING.contains(event.type()) ? "browse" : "events",
                    Duration.between(event.occurredAt(), received));
            engine.submitTo(partition, event, body, received, PublishedAt.of(headers.get(PublishedAt.HEADER)),
                    new QueueDelivery(acks, tag));
        }

        private void reject(long tag, String body, String routingKey, String reason) {
            ingest.rejected();
            deadLetters.send(body, reason, routingKey).whenComplete((ok, failure) -> {
                if (failure == null) {
                    acks.settled(tag);
                    acks.flush();
                } else {
                    acks.handBack(tag);
                }
            });
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            giveUp("its channel closed: " + sig.getMessage());
        }

        @Override
        public void handleCancel(String consumerTag) {
            giveUp("the broker cancelled its consumer");
        }

        private void giveUp(String why) {
            if (current.get(partition) == this && engine.release(partition)) {
                metrics.released();
                LOG.warnf("Partition %d released, %s; the broker hands its queue to another consumer", partition, why);
            }
        }
    }
}
