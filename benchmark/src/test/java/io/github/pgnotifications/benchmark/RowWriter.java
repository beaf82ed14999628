package io.github.pgnotifications.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes rows {@code (id, 'x')} into one table over its own connection: one autocommit INSERT at a time, or many
 * in transactions of {@link Mode#ROWS_PER_TRANSACTION} rows sent as one JDBC batch. Not thread-safe: one thread.
 */
final class RowWriter implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement insert;
    private final String table;

    RowWriter(Connection connection, String table) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.insert = connection.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, 'x')");
    }

    /** Inserts one row in its own transaction; returns once it is committed. */
    void insertOne(int id) throws SQLException {
        insert.setInt(1, id);
        insert.executeUpdate();
    }

    /** Inserts ids {@code first .. first+count-1} in order, committing every {@link Mode#ROWS_PER_TRANSACTION}. */
    void insertRange(int first, int count) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (int id = first; id < first + count; id++) {
                insert.setInt(1, id);
                insert.addBatch();
                if ((id - first + 1) % Mode.ROWS_PER_TRANSACTION == 0 || id == first + count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Sends a notification from this connection, committed after every row written before it. */
    void notify(String channel, String payload) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /** Empties the table. TRUNCATE fires no row triggers, so nobody is notified. */
    void truncate() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + table);
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        connection.close();
    }
}
