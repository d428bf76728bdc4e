package dev.triggerforge.server.cluster;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.server.config.TriggerForgeConfig;
import dev.triggerforge.server.engine.Engine;
import dev.triggerforge.server.events.EventPublisher;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default, single-queue mode on the embedded broker is what it was before issue 10: cluster mode off, every
 * in-process partition running from the start, the single-queue consumers on; and the publisher already puts the
 * customer header on every event, so producers inside the server need no change when cluster mode is turned on.
 */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class ClusterModeOffTest {

    @Inject
    TriggerForgeConfig config;

    @Inject
    Engine engine;

    @Inject
    EventPublisher publisher;

    @Test
    void byDefaultOneInstanceRunsEveryPartitionFromTheSingleQueue() {
        assertThat(config.cluster().enabled()).isFalse();
        assertThat(config.cluster().partitions()).isEqualTo(16);
        await().atMost(Duration.ofSeconds(30)).until(engine::ready);
        assertThat(engine.ownedPartitions()).containsExactly(0, 1);
        assertThat(engine.partitionCount()).isEqualTo(2);
        assertThat(ConfigProvider.getConfig().getOptionalValue("mp.messaging.incoming.events.enabled", Boolean.class))
                .as("the single-queue consumer is on").isNotEqualTo(Optional.of(false));
    }

    @Test
    void everyPublishedEventCarriesItsCustomerInTheHashHeader() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.broker().host());
        factory.setPort(config.broker().port());
        factory.setUsername(config.broker().username());
        factory.setPassword(config.broker().password());
        try (Connection connection = factory.newConnection("cluster-header-test");
             Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, config.events().exchange(), "browse.#");
            CustomerEvent event = new CustomerEvent("hdr-" + System.nanoTime(), "header-customer",
                    EventType.of("page_view"), Instant.now(), Map.of("url", "https://shop.example/"));
            publisher.publish(event).toCompletableFuture().get(10, TimeUnit.SECONDS);

            GetResponse[] got = new GetResponse[1];
            await().atMost(Duration.ofSeconds(10)).until(() -> (got[0] = channel.basicGet(queue, true)) != null);
            Object header = got[0].getProps().getHeaders().get(config.cluster().hashHeader());
            assertThat(header).hasToString("header-customer");
            assertThat(List.of(config.cluster().hashHeader())).containsExactly("x-customer-id");
        }
    }
}
