package dev.triggerforge.server.engine;

import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A turn waits the linger time for more events, so events arriving close together share one commit. */
@QuarkusTest
@TestProfile(LingerTest.Lingering.class)
class LingerTest {

    public static class Lingering extends EmbeddedServices {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("triggerforge.engine.linger", "1500ms", "triggerforge.engine.partitions", "1");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void eventsArrivingWithinTheLingerTimeAreCommittedInOneTurn() throws InterruptedException {
        String customer = Customers.withConsent("linger");
        long turnsBefore = turns().count();
        double eventsBefore = turns().totalAmount();
        Instant at = Instant.now().minusSeconds(5);

        post(Customers.cartAdd(customer + "-1", customer, at));
        Thread.sleep(300);
        post(Customers.cartAdd(customer + "-2", customer, at.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> turns().totalAmount() - eventsBefore >= 2);
        assertThat(turns().count() - turnsBefore).isEqualTo(1);
    }

    /** The turn summary, or an empty one before the engine's first commit registers it. */
    private DistributionSummary turns() {
        DistributionSummary found = registry.find("triggerforge.partition.turn.events").summary();
        return found != null ? found : DistributionSummary.builder("unregistered").register(new SimpleMeterRegistry());
    }

    private static void post(String event) {
        given().contentType(ContentType.JSON).body(event).post("/api/events").then().statusCode(202);
    }
}
