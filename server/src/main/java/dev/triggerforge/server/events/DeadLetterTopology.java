package dev.triggerforge.server.events;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.triggerforge.server.broker.BrokerConnections;
import dev.triggerforge.server.config.TriggerForgeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Declares the dead-letter exchange and queue before the messaging connector starts (priority 500, between the
 * embedded broker at 0 and the connector at 1000). The consumer republishes every message it cannot use there
 * itself, with the reason, so this needs no broker-specific dead-letter arguments and works on RabbitMQ and on the
 * embedded broker alike.
 */
@ApplicationScoped
public class DeadLetterTopology {

    private final TriggerForgeConfig config;
    private final String routingKey;

    DeadLetterTopology(TriggerForgeConfig config) {
        this.config = config;
        this.routingKey = config.events().deadLetterRoutingKey();
    }

    void declare(@Observes @Priority(500) StartupEvent event) throws IOException, TimeoutException {
        try (Connection connection = BrokerConnections.open(config.broker(), "triggerforge-topology", false);
             Channel channel = connection.createChannel()) {
            TriggerForgeConfig.Events names = config.events();
            channel.exchangeDeclare(names.deadLetterExchange(), "direct", true);
            channel.queueDeclare(names.deadLetterQueue(), true, false, false, null);
            channel.queueBind(names.deadLetterQueue(), names.deadLetterExchange(), routingKey);
        }
    }
}
