package dev.triggerforge.server.cluster;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.triggerforge.server.broker.BrokerConnections;
import dev.triggerforge.server.config.TriggerForgeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Declares the partitioned topology idempotently at start-up, before anything consumes or publishes (priority 510,
 * after the dead-letter exchange at 500): the events topic exchange, a consistent-hash exchange bound from it that
 * hashes on the customer header, and the durable partition queues with a single active consumer each, bound with
 * weight 1 and dead-lettering to the dead-letter exchange.
 */
@ApplicationScoped
public class ClusterTopology {

    private final TriggerForgeConfig config;

    ClusterTopology(TriggerForgeConfig config) {
        this.config = config;
    }

    void declare(@Observes @Priority(510) StartupEvent event) throws IOException, TimeoutException {
        TriggerForgeConfig.Cluster cluster = config.cluster();
        if (!cluster.enabled()) {
            return;
        }
        if (config.broker().embedded()) {
            throw new IllegalStateException("triggerforge.cluster.enabled=true needs RabbitMQ with the plugin "
                    + "rabbitmq_consistent_hash_exchange; the embedded broker has no consistent-hash exchange. Set "
                    + "triggerforge.broker.embedded=false and point triggerforge.broker.host at RabbitMQ.");
        }
        if (cluster.partitions() < 1) {
            throw new IllegalStateException("triggerforge.cluster.partitions must be at least 1, not "
                    + cluster.partitions());
        }
        try (Connection connection = BrokerConnections.open(config.broker(), "triggerforge-cluster-topology", false);
             Channel channel = connection.createChannel()) {
            TriggerForgeConfig.Events events = config.events();
            channel.exchangeDeclare(events.exchange(), "topic", true);
            try {
                channel.exchangeDeclare(cluster.exchange(), "x-consistent-hash", true, false,
                        Map.of("hash-header", cluster.hashHeader()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot declare the consistent-hash exchange " + cluster.exchange()
                        + ": is the RabbitMQ plugin enabled (rabbitmq-plugins enable "
                        + "rabbitmq_consistent_hash_exchange)? " + e.getCause(), e);
            }
            channel.exchangeBind(cluster.exchange(), events.exchange(), "#");
            for (int n = 0; n < cluster.partitions(); n++) {
                String queue = queueName(cluster, n);
                channel.queueDeclare(queue, true, false, false, Map.of(
                        "x-single-active-consumer", true,
                        "x-dead-letter-exchange", events.deadLetterExchange(),
                        "x-dead-letter-routing-key", events.deadLetterRoutingKey()));
                channel.queueBind(queue, cluster.exchange(), "1");
            }
        }
    }

    /** The name of partition queue {@code n}. */
    public static String queueName(TriggerForgeConfig.Cluster cluster, int n) {
        return cluster.queuePrefix() + "." + n;
    }
}
