package dev.triggerforge.server.engine;

import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.store.Database;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partition whose commit fails rebuilds its session from the store and goes on serving, even when a stored event
 * can no longer be read: it skips that one with an error instead of losing its thread.
 */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class PartitionRecoveryTest {

    @Inject
    Database database;

    private String customer;

    /** Other tests' partitions would replay the unreadable row again. */
    @AfterEach
    void removeCustomer() {
        QuarkusTransaction.requiringNew().run(() -> database.session()
                .createMutationQuery("delete from StoredEvent e where e.customerId = :c")
                .setParameter("c", customer).executeUpdate());
    }

    @Test
    void aFailedCommitRebuildsPastAnUnreadableStoredEventAndTheNextEventsAreProcessed() {
        customer = Customers.withConsent("recovery");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String storedBehindItsBack = customer + "-stored";
        String unreadable = customer + "-unreadable";
        store(storedBehindItsBack, Customers.cartAdd(storedBehindItsBack, customer, now), now);
        store(unreadable, "{\"eventId\":\"" + unreadable + "\",\"customerId\":\"" + customer + "\"}", now);

        post(Customers.cartAdd(storedBehindItsBack, customer, now));
        String next = customer + "-next";
        post(Customers.cartAdd(next, customer, now.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(next) != null);
        assertThat(stored(storedBehindItsBack).seq).isZero();
        assertThat(stored(unreadable).body).doesNotContain("cart_add");
    }

    /** An event row the partition's session knows nothing of, so storing the same id again fails the commit. */
    private void store(String eventId, String body, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            StoredEvent e = new StoredEvent();
            e.eventId = eventId;
            e.customerId = customer;
            e.type = "cart_add";
            e.occurredAt = at;
            e.receivedAt = at;
            e.turnAt = at;
            e.seq = 0;
            e.outcome = "accepted";
            e.body = body;
            database.session().persist(e);
        });
    }

    private StoredEvent stored(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> database.session().find(StoredEvent.class, eventId));
    }

    private static void post(String event) {
        given().contentType(ContentType.JSON).body(event).post("/api/events").then().statusCode(202);
    }
}
