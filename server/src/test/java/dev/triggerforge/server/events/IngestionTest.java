package dev.triggerforge.server.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Events through the real (embedded) broker into the engine and out as decisions, dead letters and timelines. */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class IngestionTest {

    @Test
    void aCartThatWentQuietGetsItsDecisionOnTheTickWithNoFurtherEvent() {
        String customer = Customers.withConsent("quiet");
        Instant quietSince = Instant.now().minus(Duration.ofMinutes(30)).plusSeconds(3);
        Instant due = quietSince.plus(Duration.ofMinutes(30));
        post(Customers.cartAdd(customer + "-e1", customer, quietSince)).statusCode(202);

        JsonPath send = awaitSend(customer);
        assertThat(send.getString("ruleId")).isEqualTo("cart-abandonment");
        Instant decidedAt = Instant.parse(send.getString("decidedAt"));
        assertThat(decidedAt).isBetween(due.minusMillis(1000), due.plusMillis(1000));
        assertThat(Instant.now()).isAfterOrEqualTo(due);
    }

    @Test
    void decisionsFollowWhenTheEventOccurredNotWhenItArrived() {
        String customer = Customers.withConsent("offline");
        Instant occurred = Instant.now().minus(Duration.ofMinutes(29)).minusSeconds(59);
        post(Customers.cartAdd(customer + "-e1", customer, occurred)).statusCode(202);

        JsonPath send = awaitSend(customer);
        assertThat(Instant.parse(send.getString("sendAt"))).isBefore(Instant.now().plusSeconds(2));
        assertThat(send.getString("idempotencyKey")).contains(customer);
    }

    @Test
    void aRepeatedEventIdIsIgnored() {
        String customer = Customers.withConsent("dup");
        String event = Customers.cartAdd(customer + "-same", customer, Instant.now().minus(Duration.ofMinutes(31)));
        post(event).statusCode(202);
        post(event).statusCode(202);
        post("[" + event + "," + event + "]").statusCode(202);

        awaitSend(customer);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                timeline(customer).stream().filter(e -> "event".equals(e.get("kind"))).count()).isEqualTo(1));
        assertThat(given().get("/api/sends?customerId=" + customer).jsonPath().getList("$")).hasSize(1);
    }

    @Test
    void anEventTooLateToTriggerIsStoredAsLateAndSendsNothing() {
        String customer = Customers.withConsent("late");
        post(Customers.cartAdd(customer + "-old", customer, Instant.now().minus(Duration.ofHours(3)))).statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timeline(customer))
                .anySatisfy(e -> assertThat(e.get("detail")).isEqualTo("arrived too late to trigger")));
        assertThat(given().get("/api/sends?customerId=" + customer).jsonPath().getList("$")).isEmpty();
    }

    @Test
    void badInputOverHttpGetsEachFieldsError() {
        post("[{\"eventId\":\"x\",\"type\":\"cart_add\",\"occurredAt\":\"yesterday\"}]")
                .statusCode(400)
                .body("fields.path", hasItem("$[0].customerId"))
                .body("fields.path", hasItem("$[0].occurredAt"));
        post("{not json").statusCode(400).body("error", equalTo("invalid event"));
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterQueueWithItsReason() throws Exception {
        try (Connection connection = broker().newConnection(); Channel channel = connection.createChannel()) {
            channel.queuePurge(config("triggerforge.events.dead-letter-queue"));
            byte[] body = "{\"eventId\":\"m1\",\"type\":\"cart_add\"}".getBytes(StandardCharsets.UTF_8);
            channel.basicPublish(config("triggerforge.events.exchange"), "event.cart_add",
                    new AMQP.BasicProperties.Builder().contentType("application/json").build(), body);

            GetResponse dead = await().atMost(Duration.ofSeconds(10))
                    .until(() -> channel.basicGet(config("triggerforge.events.dead-letter-queue"), true), r -> r != null);
            assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).contains("\"m1\"");
            Map<String, Object> headers = dead.getProps().getHeaders();
            assertThat(headers.get(DeadLetters.REASON_HEADER).toString()).contains("customerId");
            assertThat(headers.get(DeadLetters.ROUTING_KEY_HEADER).toString()).isEqualTo("event.cart_add");
        }
        String customer = Customers.withConsent("after-dead-letter");
        post(Customers.cartAdd(customer + "-e1", customer, Instant.now().minus(Duration.ofMinutes(31))))
                .statusCode(202);
        awaitSend(customer);
    }

    @Test
    void aProfileUpdateEventReachesTheStoredProfile() {
        String customer = Customers.newId("update");
        post("{\"eventId\":\"" + customer + "-p\",\"customerId\":\"" + customer + "\",\"type\":\"profile_update\","
                + "\"occurredAt\":\"" + Instant.now() + "\",\"properties\":{\"email\":\"new@example.com\","
                + "\"marketingConsent\":true}}").statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/customers/" + customer)
                .then().statusCode(200).body("profile.email", equalTo("new@example.com"))
                .body("profile.marketingConsent", equalTo(true)));
    }

    @Test
    void theTimelineExplainsAHeldBackSend() {
        String customer = Customers.withoutConsent("no-consent");
        post(Customers.cartAdd(customer + "-e1", customer, Instant.now().minus(Duration.ofMinutes(31))))
                .statusCode(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(timeline(customer))
                .anySatisfy(e -> {
                    assertThat(e.get("kind")).isEqualTo("suppressed");
                    assertThat(e.get("what")).isEqualTo("no_consent");
                }));
        given().get("/api/sends?customerId=" + customer).then().body("[0].status", equalTo("suppressed"))
                .body("[0].reason", equalTo("no_consent"));
    }

    @Test
    void metricsHealthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).contains("triggerforge_events_processed_total", "triggerforge_partition_backlog",
                "triggerforge_event_decision_latency_seconds_bucket");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/events'.post.summary", equalTo("Accept one event or a JSON array of events"));
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/events").then();
    }

    private static JsonPath awaitSend(String customer) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonPath sends = given().get("/api/sends?customerId=" + customer).jsonPath();
            List<Map<String, Object>> list = sends.getList("$");
            return list.isEmpty() || list.get(0).get("idempotencyKey") == null ? null : sends.setRootPath("[0]");
        }, p -> p != null);
    }

    private static List<Map<String, Object>> timeline(String customer) {
        return given().get("/api/customers/" + customer + "/timeline").jsonPath().getList("$");
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
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
