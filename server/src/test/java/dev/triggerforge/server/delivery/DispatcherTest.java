package dev.triggerforge.server.delivery;

import dev.triggerforge.server.delivery.provider.DeliveryReceipt;
import dev.triggerforge.server.delivery.provider.SendIds;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SendStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatcher's decisions with the log provider, driven batch by batch (the background worker is off). */
@QuarkusTest
@TestProfile(DeliveryProfiles.Log.class)
class DispatcherTest {

    @Inject
    Dispatcher dispatcher;

    @Inject
    Outbox claims;

    @Inject
    OutboxFixture outbox;

    @Inject
    MeterRegistry registry;

    @Test
    void dueRowIsSentThroughTheLogProvider() {
        double sentBefore = sentCount();
        String key = outbox.schedule("cart-abandonment", "c-log",
                Variables.cart(Variables.customer("c-log", "lena@example.com", "Lena")));

        dispatcher.dispatchBatch();

        SendRecord row = outbox.find(key);
        assertEquals("sent", row.status);
        assertEquals("log", row.provider);
        assertEquals("log-" + SendIds.of(key), row.providerMessageId);
        assertEquals(1, row.attempts);
        assertEquals(sentBefore + 1, sentCount());
    }

    @Test
    void unknownTemplateFailsWithItsName() {
        String key = outbox.schedule("birthday", "c-bday", Map.of("customer", Map.of("email", "b@example.com")));

        dispatcher.dispatchBatch();

        SendRecord row = outbox.find(key);
        assertEquals("failed", row.status);
        assertEquals("unknown template birthday", row.lastError);
    }

    @Test
    void missingRecipientFailsWithTheReason() {
        String key = outbox.schedule("welcome", "c-nobody",
                Variables.welcome(Variables.customer("c-nobody", null, "Nora")));

        dispatcher.dispatchBatch();

        SendRecord row = outbox.find(key);
        assertEquals("failed", row.status);
        assertEquals("no recipient address: the decision has no customer.email and customer c-nobody has no email"
                + " on file", row.lastError);
    }

    @Test
    void rowsThatAreNotDueYetStayScheduled() {
        String key = outbox.insert("welcome", "c-later", Variables.welcome(Variables.customer("c-later",
                "later@example.com", null)), SendStatus.SCHEDULED, Instant.now().plus(Duration.ofHours(1)));

        dispatcher.dispatchBatch();

        SendRecord row = outbox.find(key);
        assertEquals("scheduled", row.status);
        assertEquals(0, row.attempts);
    }

    @Test
    void aClaimHidesTheRowForTheLeaseAndAReleaseGivesTheAttemptBack() {
        String key = outbox.schedule("welcome", "c-lease", Variables.welcome(Variables.customer("c-lease",
                "lease@example.com", null)));

        ClaimedSend claimed = mine(claims.claim(100, Duration.ofMinutes(2)), key).get(0);
        assertEquals(1, claimed.attempts());
        assertTrue(mine(claims.claim(100, Duration.ofMinutes(2)), key).isEmpty(), "leased rows are not due");
        assertTrue(outbox.find(key).nextAttemptAt.isAfter(Instant.now().plus(Duration.ofSeconds(100))));

        assertTrue(claims.release(claimed, Instant.now()));
        assertEquals(0, outbox.find(key).attempts);
        assertFalse(claims.markSent(claimed, new DeliveryReceipt("log", "x")),
                "an outcome for a lease given back is not written");
        assertEquals(1, mine(claims.claim(100, Duration.ofMinutes(2)), key).size());
    }

    @Test
    void concurrentClaimsNeverHandOutARowTwice() throws Exception {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            keys.add(outbox.schedule("welcome", "c-race-" + i, Variables.welcome(Variables.customer("c-race-" + i,
                    "race" + i + "@example.com", null))));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Callable<Void> claimer = () -> {
            // SKIP LOCKED answers nothing while another claimer holds the rest, so claim until all are taken
            while (distinct.size() < keys.size() && System.nanoTime() < deadline) {
                claims.claim(7, Duration.ofMinutes(2)).stream().map(ClaimedSend::idempotencyKey)
                        .filter(keys::contains).forEach(k -> {
                            claimed.add(k);
                            distinct.add(k);
                        });
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Future<Void> f : pool.invokeAll(List.of(claimer, claimer, claimer))) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(keys, new HashSet<>(claimed), "every row claimed");
        assertEquals(keys.size(), claimed.size(), "no row claimed twice");
        assertTrue(claims.usesSkipLocked(), "H2 accepts SELECT ... FOR UPDATE SKIP LOCKED");
    }

    @Test
    void lagGaugeShowsHowLongTheOldestDueRowHasWaited() {
        outbox.insert("welcome", "c-lag", Variables.welcome(Variables.customer("c-lag", "lag@example.com", null)),
                SendStatus.SCHEDULED, Instant.now().minus(Duration.ofSeconds(90)));

        dispatcher.dispatchBatch();
        double lag = registry.find(DeliveryMetrics.LAG).gauge().value();
        assertTrue(lag >= 90 && lag < 120, "lag " + lag);

        dispatcher.dispatchBatch();
        assertEquals(0.0, registry.find(DeliveryMetrics.LAG).gauge().value());
    }

    @Test
    void backgroundWorkerStartsAndStops() {
        String key = outbox.schedule("welcome", "c-bg", Variables.welcome(Variables.customer("c-bg", "bg@example.com",
                null)));
        assertFalse(dispatcher.isRunning());
        dispatcher.start();
        try {
            assertTrue(dispatcher.isRunning());
            await().atMost(Duration.ofSeconds(5)).until(() -> outbox.find(key).status, "sent"::equals);
        } finally {
            dispatcher.stop();
        }
        assertFalse(dispatcher.isRunning());
    }

    private static List<ClaimedSend> mine(List<ClaimedSend> claimed, String key) {
        return claimed.stream().filter(c -> c.idempotencyKey().equals(key)).toList();
    }

    private double sentCount() {
        var counter = registry.find(DeliveryMetrics.SENDS).tags("status", "sent", "provider", "log").counter();
        return counter == null ? 0 : counter.count();
    }
}
