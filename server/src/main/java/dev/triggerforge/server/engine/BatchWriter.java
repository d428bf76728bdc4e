package dev.triggerforge.server.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.customers.CustomerAlias;
import dev.triggerforge.server.customers.CustomerRecord;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.experiments.Assignment;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Commits one partition turn in a single transaction. Sends and suppressions are inserted only when their key is
 * new, so a session rebuilt after a restart, which reaches the same decisions again, adds nothing twice; the primary
 * keys make that a guarantee rather than a hope.
 */
@ApplicationScoped
public class BatchWriter {

    private static final int IN_CHUNK = 500;

    private final Database database;

    BatchWriter(Database database) {
        this.database = database;
    }

    /** Of these event ids, the ones already stored: their events were processed before and are ignored. */
    public Set<String> storedEventIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> existing(database.session(),
                "select e.eventId from StoredEvent e where e.eventId in :keys", ids));
    }

    void commit(Batch batch) {
        QuarkusTransaction.requiringNew().run(() -> write(database.session(), batch));
    }

    private void write(Session session, Batch batch) {
        batch.events.forEach(session::persist);
        Set<String> knownSends = existing(session, "select s.idempotencyKey from SendRecord s where s.idempotencyKey in :keys",
                batch.sends.keySet());
        batch.sends.forEach((key, send) -> {
            if (!knownSends.contains(key)) {
                session.persist(send);
            }
        });
        Set<String> knownSuppressions = existing(session,
                "select s.suppressionKey from SuppressionRecord s where s.suppressionKey in :keys",
                batch.suppressions.keySet());
        batch.suppressions.forEach((key, suppression) -> {
            if (!knownSuppressions.contains(key)) {
                session.persist(suppression);
            }
        });
        for (Assignment a : batch.assignments.values()) {
            if (session.find(Assignment.class, new Assignment.Key(a.experimentId, a.customerId)) == null) {
                session.persist(a);
            }
        }
        Set<String> knownFeedback = existing(session,
                "select f.eventId from FeedbackRecord f where f.eventId in :keys", batch.feedback.keySet());
        batch.feedback.forEach((id, row) -> {
            if (!knownFeedback.contains(id)) {
                session.persist(row);
            }
        });
        for (CustomerAlias alias : batch.aliases.values()) {
            if (session.find(CustomerAlias.class, alias.anonymousId) == null) {
                session.persist(alias);
            }
        }
        for (CustomerProfile profile : batch.profiles.values()) {
            saveProfile(session, profile);
        }
    }

    static void saveProfile(Session session, CustomerProfile profile) {
        CustomerRecord record = session.find(CustomerRecord.class, profile.customerId());
        boolean created = record == null;
        if (created) {
            record = new CustomerRecord();
            record.customerId = profile.customerId();
        }
        record.version++;
        record.updatedAt = Instant.now();
        record.body = json(profile);
        if (created) {
            session.persist(record);
        }
    }

    private static String json(CustomerProfile profile) {
        try {
            return Json.mapper().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile of " + profile.customerId() + " cannot be written as JSON", e);
        }
    }

    private static Set<String> existing(Session session, String query, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            found.addAll(session.createSelectionQuery(query, String.class).setParameter("keys", chunk).getResultList());
        }
        return found;
    }
}
