package dev.triggerforge.server.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.engine.TurnInserts.ProfileRow;
import dev.triggerforge.server.store.Database;
import dev.triggerforge.server.store.PaddedInList;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Commits one partition turn in a single transaction, with plain JDBC batches: the commit is most of a partition's
 * work, and an ORM's persistence context only added to it. Sends and suppressions are inserted only when their key
 * is new, so a session rebuilt after a restart, which reaches the same decisions again, adds nothing twice; the
 * primary keys make that a guarantee rather than a hope.
 */
@ApplicationScoped
public class BatchWriter {

    private final Database database;

    BatchWriter(Database database) {
        this.database = database;
    }

    /** Of these event ids, the ones already stored: their events were processed before and are ignored. */
    public Set<String> storedEventIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection()) {
            PaddedInList.select(connection, "select event_id from stored_events where event_id in (?)", ids,
                    row -> found.add(row.getString(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("stored event ids not read: " + e.getMessage(), e);
        }
        return found;
    }

    /** The pool (Agroal) sets autocommit back when the connection returns to it. */
    void commit(Batch batch) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                write(connection, batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("turn of " + batch.events.size() + " events not committed: "
                    + describe(e), e);
        }
    }

    /** A rollback that fails too (the connection is gone) must not hide why the turn failed. */
    private static void rollBack(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void write(Connection connection, Batch batch) throws SQLException {
        TurnInserts.EVENT.run(connection, batch.events);
        TurnInserts.SEND.run(connection, batch.sends.values());
        TurnInserts.SUPPRESSION.run(connection, batch.suppressions.values());
        TurnInserts.ASSIGNMENT.run(connection, batch.assignments.values());
        TurnInserts.FEEDBACK.run(connection, batch.feedback.values());
        TurnInserts.ALIAS.run(connection, batch.aliases.values());
        saveProfiles(connection, batch.profiles.values());
    }

    /** Each profile's next version: one batch of updates, then one of inserts for the customers that had none. */
    private static void saveProfiles(Connection connection, Collection<CustomerProfile> profiles) throws SQLException {
        Instant now = Instant.now();
        List<ProfileRow> rows = profiles.stream().map(p -> new ProfileRow(p.customerId(), json(p), now)).toList();
        int[] updated = TurnInserts.PROFILE_CHANGE.run(connection, rows);
        List<ProfileRow> created = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                created.add(rows.get(i));
            }
        }
        TurnInserts.NEW_PROFILE.run(connection, created);
    }

    private static String json(CustomerProfile profile) {
        try {
            return Json.mapper().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile of " + profile.customerId() + " cannot be written as JSON", e);
        }
    }

    /** A batch failure's own message says little; the first chained exception says which row and why. */
    private static String describe(SQLException e) {
        SQLException next = e.getNextException();
        return next == null ? e.getMessage() : e.getMessage() + "; " + next.getMessage();
    }
}
