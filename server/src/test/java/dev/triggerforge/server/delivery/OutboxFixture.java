package dev.triggerforge.server.delivery;

import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.customers.CustomerRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SendStatus;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Writes and reads outbox rows and profiles through {@link Database}, the way the engine will, for delivery tests. */
@ApplicationScoped
public class OutboxFixture {

    /** Every key this fixture writes starts with it, so tests can tell their rows from anyone else's. */
    public static final String KEY_PREFIX = "test-delivery|";

    private final Database database;

    OutboxFixture(Database database) {
        this.database = database;
    }

    /** Inserts a row due now and returns its idempotency key. */
    public String schedule(String templateId, String customerId, Map<String, Object> variables) {
        return insert(templateId, customerId, variables, SendStatus.SCHEDULED, Instant.now());
    }

    public String insert(String templateId, String customerId, Map<String, Object> variables, SendStatus status,
                         Instant nextAttemptAt) {
        SendRecord row = new SendRecord();
        row.idempotencyKey = KEY_PREFIX + templateId + "|" + customerId + "|" + UUID.randomUUID();
        row.customerId = customerId;
        row.ruleId = templateId;
        row.templateId = templateId;
        row.ruleSetVersion = 1;
        row.decidedAt = Instant.now();
        row.sendAt = nextAttemptAt;
        row.status = status.code();
        row.nextAttemptAt = nextAttemptAt;
        row.variables = json(variables);
        row.causedBy = "test-event";
        QuarkusTransaction.requiringNew().run(() -> database.session().persist(row));
        return row.idempotencyKey;
    }

    public SendRecord find(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SendRecord row = database.session().find(SendRecord.class, key);
            if (row != null) {
                database.session().detach(row);
            }
            return row;
        });
    }

    public void saveProfile(CustomerProfile profile) {
        CustomerRecord record = new CustomerRecord();
        record.customerId = profile.customerId();
        record.version = 1;
        record.updatedAt = Instant.now();
        record.body = json(profile);
        QuarkusTransaction.requiringNew().run(() -> database.session().merge(record));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
