package dev.triggerforge.server.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker alone, without Quarkus: a clear message when its port is taken, and messages kept across restarts. */
class EmbeddedBrokerTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    @Test
    void aTakenPortFailsWithAMessageNamingThePortAndTheProperty() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            int port = taken.getLocalPort();
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> EmbeddedBroker.start(settings(port)));
            assertTrue(e.getMessage().contains(HOST + ":" + port), e.getMessage());
            assertTrue(e.getMessage().contains("port " + port + " is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("triggerforge.broker.port"), e.getMessage());
            assertNull(e.getCause(), "Quarkus prints a cause-less ConfigurationException as its message alone");
        }
    }

    @Test
    void persistentMessagesSurviveARestart() throws Exception {
        int port = TestPorts.free();
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings(port));
             Connection connection = connect(port)) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("restart.test", "topic", true);
            channel.queueDeclare("restart.test", true, false, false, null);
            channel.queueBind("restart.test", "restart.test", "#");
            channel.confirmSelect();
            channel.basicPublish("restart.test", "k", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "kept".getBytes(StandardCharsets.UTF_8));
            assertTrue(channel.waitForConfirms(5_000));
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings(port));
             Connection connection = connect(port)) {
            GetResponse got = connection.createChannel().basicGet("restart.test", true);
            assertNotNull(got, "the durable queue and its persistent message came back after the restart");
            assertEquals("kept", new String(got.getBody(), StandardCharsets.UTF_8));
        }
    }

    private EmbeddedBroker.Settings settings(int port) {
        return new EmbeddedBroker.Settings(HOST, port, "guest", "guest", dir.resolve("broker"));
    }

    private static Connection connect(int port) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory.newConnection();
    }
}
