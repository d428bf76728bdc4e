package dev.triggerforge.server.delivery;

import dev.triggerforge.server.delivery.provider.ProviderGateway;
import dev.triggerforge.server.delivery.provider.SendIds;
import dev.triggerforge.server.sends.SendRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The http provider against a real local HTTP server: retries, refusals, attempts running out, the circuit. */
@QuarkusTest
@TestProfile(DeliveryProfiles.Http.class)
class HttpDeliveryTest {

    FakeEmailApi api;

    @Inject
    OutboxFixture outbox;

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void closeCircuit() {
        circuits.reset(ProviderGateway.CIRCUIT);
    }

    @Test
    void serverErrorIsRetriedWithTheSameIdempotencyKeyThenSent() {
        String to = address("retry");
        api.script(to, 500);
        double retriedBefore = count("retried");
        String key = outbox.schedule("welcome", "c-retry",
                Variables.welcome(Variables.customer("c-retry", to, "Rita")));

        SendRecord row = await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(key),
                r -> "sent".equals(r.status));

        assertEquals(2, row.attempts);
        assertEquals("http", row.provider);
        assertTrue(row.providerMessageId.startsWith("msg-"), row.providerMessageId);
        assertNull(row.lastError);
        List<FakeEmailApi.Received> requests = api.receivedFor(to);
        assertEquals(2, requests.size());
        String sendId = SendIds.of(key);
        assertTrue(requests.stream().allMatch(r -> sendId.equals(r.idempotencyKey())), "same key on every try");
        assertEquals("Bearer test-secret", requests.get(1).authorization());
        assertEquals("Welcome to TriggerForge Demo Shop, Rita!", requests.get(1).body().path("subject").asText());
        assertTrue(requests.get(1).body().path("html").asText().contains("Welcome, Rita!"));
        assertEquals(retriedBefore + 1, count("retried"));
    }

    @Test
    void clientErrorFailsAtOnceWithAReadableReason() {
        String to = address("rejected");
        api.always(to, 400);
        String key = outbox.schedule("welcome", "c-400", Variables.welcome(Variables.customer("c-400", to, null)));

        SendRecord row = await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(key),
                r -> "failed".equals(r.status));

        assertEquals(1, row.attempts);
        assertEquals("HTTP provider refused the email: HTTP provider answered 400: "
                + "{\"error\":\"recipient address rejected\"}", row.lastError);
        assertEquals(1, api.receivedFor(to).size());
    }

    @Test
    void transientFailuresFailTheSendOnceAttemptsRunOut() {
        String to = address("flaky");
        api.always(to, 503);
        String key = outbox.schedule("welcome", "c-503", Variables.welcome(Variables.customer("c-503", to, null)));

        SendRecord row = await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(key),
                r -> "failed".equals(r.status));

        assertEquals(3, row.attempts);
        assertTrue(row.lastError.startsWith("gave up after 3 attempts: HTTP provider answered 503"), row.lastError);
        assertEquals(3, api.receivedFor(to).size());
    }

    @Test
    void runOfFailuresOpensTheCircuitAndHeldBackSendsCostNoAttempt() {
        String to = address("outage");
        api.always(to, 503);
        List<String> keys = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                keys.add(outbox.schedule("welcome", "c-outage-" + i,
                        Variables.welcome(Variables.customer("c-outage-" + i, to, null))));
            }

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> circuits.currentState(ProviderGateway.CIRCUIT) == CircuitBreakerState.OPEN);
            assertEquals(4, api.receivedFor(to).size(), "four failures in a row open the circuit");
            await().atMost(Duration.ofSeconds(2)).until(() -> attempts(keys) == 4);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2)).until(() ->
                    api.receivedFor(to).size() == 4 && attempts(keys) == 4
                            && keys.stream().map(outbox::find).allMatch(r -> "scheduled".equals(r.status)));
        } finally {
            api.recover(to);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> keys.stream().map(outbox::find)
                .allMatch(r -> "sent".equals(r.status)));
        assertEquals(CircuitBreakerState.CLOSED, circuits.currentState(ProviderGateway.CIRCUIT));
    }

    /** Attempts counted over the rows: only calls that reached the provider count. */
    private int attempts(List<String> keys) {
        return keys.stream().map(outbox::find).mapToInt(r -> r.attempts).sum();
    }

    private double count(String status) {
        var counter = registry.find(DeliveryMetrics.SENDS).tags("status", status, "provider", "http").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String address(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }
}
