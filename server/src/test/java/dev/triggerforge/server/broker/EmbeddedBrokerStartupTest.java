package dev.triggerforge.server.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application's embedded broker, started with the application: a plain AMQP client can use it, and a SmallRye
 * channel that connected at start-up, with no reconnection allowed, receives from it, so the broker was up first.
 */
@QuarkusTest
@TestProfile(BrokerProbeProfile.class)
class EmbeddedBrokerStartupTest {

    @Inject
    EmbeddedBrokerLifecycle lifecycle;

    @Inject
    BrokerProbe probe;

    @ConfigProperty(name = "triggerforge.broker.host")
    String host;

    @ConfigProperty(name = "triggerforge.broker.port")
    int port;

    @Test
    void aPlainClientPublishesAndConsumesThroughADurableTopicExchangeAndQueue() throws Exception {
        assertTrue(lifecycle.isRunning());
        String body = "plain-" + UUID.randomUUID();
        try (Connection connection = connect()) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("triggerforge.test.plain", "topic", true);
            channel.queueDeclare("triggerforge.test.plain", true, false, false, null);
            channel.queuePurge("triggerforge.test.plain");
            channel.queueBind("triggerforge.test.plain", "triggerforge.test.plain", "plain.#");
            channel.confirmSelect();
            channel.basicPublish("triggerforge.test.plain", "plain.one", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    body.getBytes(StandardCharsets.UTF_8));
            assertTrue(channel.waitForConfirms(5_000), "the broker confirmed the persistent message");

            BlockingQueue<String> consumed = new LinkedBlockingQueue<>();
            channel.basicConsume("triggerforge.test.plain", true,
                    (tag, delivery) -> consumed.add(new String(delivery.getBody(), StandardCharsets.UTF_8)),
                    tag -> { });
            assertEquals(body, consumed.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void theIncomingChannelThatConnectedAtStartUpReceivesWhatIsPublished() throws Exception {
        String body = "probe-" + UUID.randomUUID();
        try (Connection connection = connect()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicPublish(BrokerProbeProfile.EXCHANGE, "probe.event", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    body.getBytes(StandardCharsets.UTF_8));
            assertTrue(channel.waitForConfirms(5_000));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.received().contains(body));
    }

    private Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory.newConnection();
    }
}
