package dev.triggerforge.server.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.triggerforge.server.store.Database;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of product views does not hold up a cart event: the cart event, published after 10,000 views, is stored
 * while the views are still being worked through. Sent down the browse lane instead, the same cart event waits for
 * nearly all of them, which shows the test can tell.
 */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class BrowseLaneTest {

    private static final int FLOOD = 10_000;

    @Inject
    Database database;

    @Test
    void aCartEventOvertakesAFloodOfViewsAndBehindThemInTheirOwnLaneItWouldNot() throws Exception {
        Overtaking inItsLane = floodThenCart("event.cart_add");
        Overtaking behindTheFlood = floodThenCart("browse.cart_add");
        System.out.printf("cart event in its lane: stored after %d ms with %d of %d views done; in the browse lane: "
                        + "%d ms with %d done%n", inItsLane.delay.toMillis(), inItsLane.viewsDone, FLOOD,
                behindTheFlood.delay.toMillis(), behindTheFlood.viewsDone);

        assertThat(inItsLane.viewsDone).isLessThan(FLOOD / 2);
        assertThat(behindTheFlood.viewsDone).isGreaterThan(FLOOD - 1_000);
    }

    private record Overtaking(Duration delay, long viewsDone) {
    }

    private Overtaking floodThenCart(String cartRoutingKey) throws Exception {
        String prefix = Customers.newId("flood");
        String cartId = prefix + "-cart";
        Instant published;
        try (Connection connection = broker().newConnection(); Channel channel = connection.createChannel();
             Connection other = broker().newConnection(); Channel cartChannel = other.createChannel()) {
            String exchange = ConfigProvider.getConfig().getValue("triggerforge.events.exchange", String.class);
            channel.confirmSelect();
            AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(1).build();
            for (int i = 0; i < FLOOD; i++) {
                channel.basicPublish(exchange, "browse.product_view", json, bytes("{\"eventId\":\"" + prefix + "-v"
                        + i + "\",\"customerId\":\"" + prefix + "-" + (i % 500) + "\",\"type\":\"product_view\","
                        + "\"occurredAt\":\"" + Instant.now() + "\",\"properties\":{\"sku\":\"SKU-" + (i % 50)
                        + "\"}}"));
            }
            channel.waitForConfirmsOrDie(60_000);
            published = Instant.now();
            cartChannel.basicPublish(exchange, cartRoutingKey, json,
                    bytes(Customers.cartAdd(cartId, prefix + "-shopper", Instant.now())));
            long[] views = new long[1];
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(5)).until(() -> {
                if (!stored(cartId)) {
                    return false;
                }
                views[0] = count(prefix);
                return true;
            });
            Duration delay = Duration.between(published, Instant.now());
            await().atMost(Duration.ofSeconds(180)).until(() -> count(prefix) == FLOOD);
            return new Overtaking(delay, views[0]);
        }
    }

    private boolean stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select count(e) from StoredEvent e where e.eventId = :id", Long.class)
                .setParameter("id", eventId).getSingleResult() > 0);
    }

    private long count(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select count(e) from StoredEvent e where e.type = 'product_view' "
                        + "and e.customerId like :p", Long.class)
                .setParameter("p", prefix + "-%").getSingleResult());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ConnectionFactory broker() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(ConfigProvider.getConfig().getValue("triggerforge.broker.port", Integer.class));
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }
}
