package dev.triggerforge.server.rulesets;

import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.server.security.RuleSetBodies;
import dev.triggerforge.server.store.Database;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Versions activated back and forth while events stream through the broker: every event is stored exactly once, every
 * abandoned cart gets exactly one email, and no activation waits for the stream to stop.
 */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class DeployUnderLoadTest {

    private static final int CUSTOMERS = 200;

    @Inject
    Database database;

    @Test
    void activationsUnderLoadLoseNothingAndRepeatNothing() throws Exception {
        long a = upload(browseWait(Duration.ofHours(1)));
        long b = upload(browseWait(Duration.ofHours(2)));
        String run = Customers.newId("load");
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger published = new AtomicInteger();
        Thread publisher = new Thread(() -> publish(run, published, publishing));
        publisher.start();

        List<Long> swapMillis = new ArrayList<>();
        for (int i = 0; publisher.isAlive() && i < 40; i++) {
            long version = i % 2 == 0 ? a : b;
            swapMillis.add(given().post("/api/rulesets/" + version + "/activate").then().statusCode(200)
                    .extract().jsonPath().getLong("swapMillis"));
        }
        publisher.join();
        int expectedEvents = published.get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count("select count(e) from StoredEvent e where e.eventId like :p", run + "%"))
                        .isEqualTo(expectedEvents));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count("select count(s) from SendRecord s where s.customerId like :p", run + "%"))
                        .isEqualTo(CUSTOMERS));
        assertThat(count("select count(distinct s.customerId) from SendRecord s where s.customerId like :p",
                run + "%")).isEqualTo(CUSTOMERS);
        assertThat(swapMillis).hasSizeGreaterThanOrEqualTo(4);
        given().post("/api/rulesets/1/activate").then().statusCode(200);
    }

    private void publish(String run, AtomicInteger published, AtomicBoolean publishing) {
        String zone = Customers.daytimeZone();
        Instant abandoned = Instant.now().minus(Duration.ofMinutes(31));
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = run + "-c" + c;
            List<String> batch = new ArrayList<>();
            batch.add("{\"eventId\":\"" + customer + "-p\",\"customerId\":\"" + customer + "\",\"type\":\"profile_update\","
                    + "\"occurredAt\":\"" + abandoned.minusSeconds(60) + "\",\"properties\":{\"email\":\"" + customer
                    + "@example.com\",\"marketingConsent\":true,\"timezone\":\"" + zone + "\"}}");
            batch.add(Customers.cartAdd(customer + "-a", customer, abandoned));
            batch.add("{\"eventId\":\"" + customer + "-v\",\"customerId\":\"" + customer + "\",\"type\":\"page_view\","
                    + "\"occurredAt\":\"" + abandoned.plusSeconds(5) + "\"}");
            given().contentType(ContentType.JSON).body("[" + String.join(",", batch) + "]").post("/api/events")
                    .then().statusCode(202);
            published.addAndGet(batch.size());
        }
        publishing.set(false);
    }

    private long count(String query, String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> database.session().createSelectionQuery(query, Long.class)
                .setParameter("p", prefix).getSingleResult());
    }

    private static String browseWait(Duration wait) {
        List<TriggerSpec> specs = new ArrayList<>();
        for (TriggerSpec s : TriggerLibrary.specs()) {
            specs.add(!s.id().equals("browse-abandonment") ? s : new TriggerSpec(s.id(), s.name(), s.description(),
                    s.priority(), s.subject(), s.entry(), s.repeat(), wait, s.restartOn(), s.cancelOn(), s.oncePer(),
                    s.templateId(), s.requires(), s.variants(), s.guardrails()));
        }
        return RuleSetBodies.json(new RuleSetUpload("browse-" + wait.toHours() + "h", "load test", null, List.of(),
                specs, null));
    }

    private static long upload(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/rulesets").then().statusCode(201)
                .extract().jsonPath().getLong("version");
    }
}
