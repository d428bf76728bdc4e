package dev.triggerforge.server.broker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.triggerforge.server.config.TriggerForgeConfig;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Opens plain RabbitMQ client connections with the server's broker settings, for what the connector cannot express. */
public final class BrokerConnections {

    private BrokerConnections() {
    }

    /** A named connection; {@code recover} turns on the client's automatic connection and topology recovery. */
    public static Connection open(TriggerForgeConfig.Broker broker, String name, boolean recover)
            throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        broker.virtualHost().ifPresent(factory::setVirtualHost);
        factory.setAutomaticRecoveryEnabled(recover);
        factory.setTopologyRecoveryEnabled(recover);
        return factory.newConnection(name);
    }
}
