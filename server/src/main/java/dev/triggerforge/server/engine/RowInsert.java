package dev.triggerforge.server.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;

/** One insert statement and how a row fills it; a turn sends each one's rows to the database as one JDBC batch. */
record RowInsert<T>(String sql, Binder<T> binder) {

    /** Sets the statement's parameters from a row, in the order of the statement's columns. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(Params params, T row) throws SQLException;
    }

    /** The update counts, one per row in their order; empty rows send nothing. */
    int[] run(Connection connection, Collection<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Params params = new Params(statement);
            for (T row : rows) {
                params.index = 0;
                binder.bind(params, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** Binds parameters in order, with the SQL types of the schema for nulls, times and amounts. */
    static final class Params {

        private final PreparedStatement statement;
        private int index;

        private Params(PreparedStatement statement) {
            this.statement = statement;
        }

        Params text(String value) throws SQLException {
            statement.setString(++index, value);
            return this;
        }

        Params number(long value) throws SQLException {
            statement.setLong(++index, value);
            return this;
        }

        Params time(Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(++index, value.atOffset(ZoneOffset.UTC));
            }
            return this;
        }

        Params amount(BigDecimal value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.NUMERIC);
            } else {
                statement.setBigDecimal(++index, value);
            }
            return this;
        }
    }
}
