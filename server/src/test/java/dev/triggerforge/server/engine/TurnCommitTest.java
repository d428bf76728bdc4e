package dev.triggerforge.server.engine;

import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.customers.CustomerAlias;
import dev.triggerforge.server.customers.CustomerRecord;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.experiments.Assignment;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SuppressionRecord;
import dev.triggerforge.server.store.Database;
import dev.triggerforge.server.testing.Customers;
import dev.triggerforge.server.testing.EmbeddedServices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A turn's plain-JDBC commit stores what the entities map, keeps the first of every keyed row when a rebuilt session
 * commits it again, and stores nothing of a turn that fails.
 */
@QuarkusTest
@TestProfile(EmbeddedServices.class)
class TurnCommitTest {

    /** Far ahead, so the dispatcher of the same application never finds the test's send due. */
    private static final Instant AT = Instant.parse("2099-12-08T09:15:30.123456Z");

    @Inject
    BatchWriter writer;

    @Inject
    Database database;

    private String run;

    @BeforeEach
    void newRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** Other tests share the database and read feedback, sends and profiles: nothing of this one stays. */
    @AfterEach
    void removeRun() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String entity : List.of("StoredEvent", "SendRecord", "SuppressionRecord", "Assignment",
                    "FeedbackRecord", "CustomerAlias", "CustomerRecord")) {
                database.session().createMutationQuery("delete from " + entity + " r where r.customerId = :c")
                        .setParameter("c", id("customer")).executeUpdate();
            }
        });
    }

    @Test
    void storesEveryRowAsTheEntitiesReadItBack() {
        Batch batch = turn("a", "first");
        writer.commit(batch);

        StoredEvent event = read(() -> database.session().find(StoredEvent.class, id("event-a")));
        assertThat(event.occurredAt).isEqualTo(AT);
        assertThat(event.turnAt).isEqualTo(AT.plusSeconds(2));
        assertThat(event.seq).isEqualTo(41);
        assertThat(event.body).isEqualTo(Customers.cartAdd(id("event-a"), id("customer"), AT));
        SendRecord send = read(() -> database.session().find(SendRecord.class, id("send")));
        assertThat(send.variant).isEqualTo("first");
        assertThat(send.sendAt).isEqualTo(AT.plus(30, ChronoUnit.MINUTES));
        assertThat(send.sentAt).isNull();
        assertThat(send.explanation).isEqualTo("{\"why\":\"model\"}");
        assertThat(read(() -> database.session().find(SuppressionRecord.class, id("suppression"))).reason)
                .isEqualTo("quiet_hours");
        assertThat(read(() -> database.session().find(Assignment.class,
                new Assignment.Key(id("experiment"), id("customer")))).variant).isEqualTo("first");
        FeedbackRecord feedback = read(() -> database.session().find(FeedbackRecord.class, id("feedback")));
        assertThat(feedback.revenue).isEqualByComparingTo("59.90");
        assertThat(feedback.currency).isEqualTo("EUR");
        assertThat(read(() -> database.session().find(CustomerAlias.class, id("anonymous"))).customerId)
                .isEqualTo(id("customer"));
        CustomerRecord profile = read(() -> database.session().find(CustomerRecord.class, id("customer")));
        assertThat(profile.version).isEqualTo(1);
        assertThat(profile.profile().email()).isEqualTo("first@example.com");
    }

    @Test
    void aTurnCommittedAgainKeepsTheFirstOfEachKeyedRowAndMovesTheProfileOn() {
        writer.commit(turn("a", "first"));
        writer.commit(turn("b", "second"));

        assertThat(read(() -> database.session().find(SendRecord.class, id("send"))).variant).isEqualTo("first");
        assertThat(read(() -> database.session().find(Assignment.class,
                new Assignment.Key(id("experiment"), id("customer")))).variant).isEqualTo("first");
        assertThat(read(() -> database.session().find(FeedbackRecord.class, id("feedback"))).eventType)
                .isEqualTo("email_open");
        assertThat(count("select count(*) from SendRecord s where s.customerId = :c")).isEqualTo(1);
        assertThat(count("select count(*) from StoredEvent e where e.customerId = :c")).isEqualTo(2);
        CustomerRecord profile = read(() -> database.session().find(CustomerRecord.class, id("customer")));
        assertThat(profile.version).isEqualTo(2);
        assertThat(profile.profile().email()).isEqualTo("second@example.com");
    }

    @Test
    void aTurnWithAnEventStoredBeforeFailsWholeAndStoresNothing() {
        writer.commit(turn("a", "first"));
        Batch again = turn("a", "second");
        again.sends.values().forEach(s -> s.idempotencyKey = id("other-send"));
        again.sends.put(id("other-send"), again.sends.remove(id("send")));

        assertThatThrownBy(() -> writer.commit(again)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("turn of 1 events not committed");

        assertThat(read(() -> database.session().find(SendRecord.class, id("other-send")))).isNull();
        assertThat(read(() -> database.session().find(CustomerRecord.class, id("customer"))).version).isEqualTo(1);
    }

    @Test
    void findsTheStoredOnesAmongEventIds() {
        writer.commit(turn("a", "first"));
        writer.commit(turn("b", "first"));

        assertThat(writer.storedEventIds(List.of(id("event-a"), id("event-x"), id("event-b"), id("event-y"))))
                .containsExactlyInAnyOrder(id("event-a"), id("event-b"));
        assertThat(writer.storedEventIds(List.of())).isEmpty();
    }

    /** A turn of one event with one row of every other kind; {@code label} marks what a second commit changes. */
    private Batch turn(String event, String label) {
        Batch batch = new Batch();
        StoredEvent e = new StoredEvent();
        e.eventId = id("event-" + event);
        e.customerId = id("customer");
        e.type = "cart_add";
        e.occurredAt = AT;
        e.receivedAt = AT.plusSeconds(1);
        e.turnAt = AT.plusSeconds(2);
        e.partitionNo = 3;
        e.seq = 41;
        e.outcome = "accepted";
        e.body = Customers.cartAdd(e.eventId, e.customerId, AT);
        batch.events.add(e);
        batch.sends.put(id("send"), send(label));
        SuppressionRecord s = new SuppressionRecord();
        s.suppressionKey = id("suppression");
        s.customerId = id("customer");
        s.ruleId = "welcome";
        s.at = AT;
        s.reason = "quiet_hours";
        s.causedBy = e.eventId;
        batch.suppressions.put(s.suppressionKey, s);
        Assignment a = new Assignment();
        a.experimentId = id("experiment");
        a.customerId = id("customer");
        a.variant = label;
        a.assignedAt = AT;
        batch.assignments.put(new Assignment.Key(a.experimentId, a.customerId), a);
        FeedbackRecord f = new FeedbackRecord();
        f.eventId = id("feedback");
        f.customerId = id("customer");
        f.eventType = label.equals("first") ? "email_open" : "email_click";
        f.occurredAt = AT;
        f.revenue = new BigDecimal("59.90");
        f.currency = "EUR";
        batch.feedback.put(f.eventId, f);
        CustomerAlias alias = new CustomerAlias();
        alias.anonymousId = id("anonymous");
        alias.customerId = id("customer");
        alias.linkedAt = AT;
        batch.aliases.put(alias.anonymousId, alias);
        batch.profiles.put(id("customer"), new CustomerProfile(id("customer"), label + "@example.com",
                "Europe/Berlin", "de-DE", true, null, null));
        return batch;
    }

    private SendRecord send(String variant) {
        SendRecord r = new SendRecord();
        r.idempotencyKey = id("send");
        r.customerId = id("customer");
        r.ruleId = "cart-abandonment";
        r.templateId = "cart-reminder";
        r.variant = variant;
        r.ruleSetVersion = 7;
        r.decidedAt = AT;
        r.sendAt = AT.plus(30, ChronoUnit.MINUTES);
        r.nextAttemptAt = r.sendAt;
        r.status = "scheduled";
        r.variables = "{}";
        r.causedBy = id("event-a");
        r.explanation = "{\"why\":\"model\"}";
        r.segment = "new";
        return r;
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private long count(String query) {
        return read(() -> database.session().createSelectionQuery(query, Long.class)
                .setParameter("c", id("customer")).getSingleResult());
    }

    private static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
