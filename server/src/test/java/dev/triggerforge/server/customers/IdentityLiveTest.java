package dev.triggerforge.server.customers;

import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.session.Partitioning;
import dev.triggerforge.server.experiments.ExperimentLog;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cart started by an anonymous visitor, whose id lives in another partition than the customer's, is reminded to
 * the customer once an identify event links the two; the visitor's later events count as the customer's.
 */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class IdentityLiveTest {

    @AfterEach
    void backToTheLibrary() {
        given().post("/api/rulesets/1/activate").then().statusCode(200);
    }

    @Test
    void aCartStartedAnonymouslyOnOneDeviceIsRemindedToTheCustomerWhoLogsInOnAnother() {
        String rule = "identity-" + Customers.newId("r").substring(2);
        ExperimentLog.deploy(ExperimentLog.ruleSet(cartTrigger(rule)));
        String customer = Customers.withConsent("known");
        String visitor = visitorInAnotherPartitionThan(customer);
        Instant start = Instant.now();

        post(Customers.cartAdd(visitor + "-cart", visitor, start));
        post("{\"eventId\":\"" + visitor + "-identify\",\"customerId\":\"" + customer + "\",\"type\":\"identify\","
                + "\"occurredAt\":\"" + start.plusMillis(500) + "\",\"properties\":{\"anonymousId\":\"" + visitor
                + "\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/customers/" + customer + "/timeline")
                .jsonPath().getList("what", String.class).contains("identify"));
        post(Customers.cartAdd(visitor + "-cart-2", visitor, Instant.now()));

        await().atMost(Duration.ofSeconds(40)).until(() -> !sends(rule, customer).isEmpty());
        Map<String, Object> send = sends(rule, customer).get(0);
        assertThat((String) send.get("causedBy")).contains(visitor + "-cart").contains(visitor + "-cart-2");
        assertThat(sends(rule, visitor)).isEmpty();
        assertThat(sends(rule, customer)).hasSize(1);
    }

    /** A cart reminder ten seconds after the last cart activity. */
    private static TriggerSpec cartTrigger(String rule) {
        EventMatch cartAdd = new EventMatch("cart_add", List.of());
        return new TriggerSpec(rule, "Cart", null, 10, Subject.CART, cartAdd, null, Duration.ofSeconds(10),
                List.of(cartAdd), List.of(), null, "cart-abandonment", List.of(), List.of(), null);
    }

    private static String visitorInAnotherPartitionThan(String customer) {
        int partitions = ConfigProvider.getConfig().getValue("triggerforge.engine.partitions", Integer.class);
        while (true) {
            String candidate = Customers.newId("visitor");
            if (Partitioning.partitionOf(candidate, partitions) != Partitioning.partitionOf(customer, partitions)) {
                return candidate;
            }
        }
    }

    private static List<Map<String, Object>> sends(String rule, String customer) {
        return given().get("/api/sends?ruleId=" + rule + "&customerId=" + customer).jsonPath().getList("$");
    }

    private static void post(String event) {
        given().contentType(ContentType.JSON).body(event).post("/api/events").then().statusCode(202);
    }
}
