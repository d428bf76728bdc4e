package dev.triggerforge.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Runs a query over a list of ids in chunks, each padded to a power of two by repeating its last id, so that a hot
 * query comes in a handful of shapes the database plans once each, whatever the number of ids.
 */
public final class PaddedInList {

    public static final int CHUNK = 256;

    private PaddedInList() {
    }

    /** What the query returns for one row. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code query}, whose {@code (?)} stands for the id list, once per chunk of {@code ids}. */
    public static void select(Connection connection, String query, Collection<String> ids, RowReader reader)
            throws SQLException {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            int slots = chunk.size() == 1 ? 1 : Integer.highestOneBit(chunk.size() - 1) << 1;
            String marks = "(" + String.join(",", Collections.nCopies(slots, "?")) + ")";
            try (PreparedStatement select = connection.prepareStatement(query.replace("(?)", marks))) {
                for (int i = 0; i < slots; i++) {
                    select.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }
    }
}
