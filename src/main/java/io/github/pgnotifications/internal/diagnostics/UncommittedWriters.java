package io.github.pgnotifications.internal.diagnostics;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the server, before an absence check passes, for sessions of the test database idle in a transaction with
 * uncommitted writes to the channel's tables: their notifications are still to come. One connection of its own,
 * opened on first use and kept, since absence checks are frequent and a connection costs milliseconds (tens on a
 * busy machine); a first, cheap question skips the costly one when no session holds an open transaction with writes. Thread-safe: one check at a time.
 */
public final class UncommittedWriters implements AutoCloseable {

    private static final Log LOG = Log.of(UncommittedWriters.class);

    private final ConnectionInfo database;
    private Connection connection;
    private boolean closed;

    public UncommittedWriters(ConnectionInfo database) {
        this.database = database;
    }

    /**
     * The sessions with uncommitted writes to one of {@code tables} ({@code schema.table}; empty: to any table), as
     * sentences. Empty if there are none, or if the server cannot be asked now (after one fresh try).
     */
    public synchronized List<String> find(List<String> tables) {
        if (closed) {
            return List.of();
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return query(open(), tables);
            } catch (SQLException e) {
                LOG.debug("Could not look for uncommitted writers: {}", e.getMessage());
                closeConnection();
            }
        }
        return List.of();
    }

    private Connection open() throws SQLException {
        if (connection == null) {
            connection = Jdbc.connect(database);
        }
        return connection;
    }

    private static List<String> query(Connection connection, List<String> tables) throws SQLException {
        try (PreparedStatement any = connection.prepareStatement(Hazards.ANY_UNCOMMITTED)) {
            any.setQueryTimeout(Hazards.QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = any.executeQuery()) {
                if (row.next() && !row.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(Hazards.UNCOMMITTED_WRITERS)) {
            statement.setQueryTimeout(Hazards.QUERY_TIMEOUT_SECONDS);
            statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
            statement.setArray(2, connection.createArrayOf("text", tables.toArray()));
            List<String> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(AwaitMessages.uncommittedSession(rows.getInt(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            return found;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Could not close the connection that looks for uncommitted writers: {}", e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeConnection();
    }
}
