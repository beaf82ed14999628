package io.github.pgnotifications.internal.diagnostics;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import io.github.pgnotifications.internal.provision.JvmDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks, when an await timed out with nothing on its channel, for the awaited table's writes in the other databases
 * this JVM's tests use on the same server ({@link JvmDatabases}): the sign of an application that writes to a
 * database of its own (a datasource configured by hand next to the one the library supplies, or two sessions).
 *
 * <p>Read from the server's statistics ({@code pg_stat_user_tables}: rows inserted, updated and deleted since the
 * database was created, which a copy of a template starts at zero), one short connection per database, at a timeout
 * only. Statistics arrive late: a session reports its writes when it goes idle, at most once a second, and writes
 * made within a second of its last report wait for its next idle report, up to 10 seconds later (PostgreSQL 15+); a
 * session that ends reports at once. So a write made just before the timeout may not be seen, and no hint is given
 * then; where a count is seen, the rows were written. A database that a migration filled with rows of that table
 * counts those rows too: the message says what was counted.
 */
public final class OtherDatabaseWrites {

    private static final Log LOG = Log.of(OtherDatabaseWrites.class);
    /** The databases looked at, newest first: enough for a run's live classes, and a bound on a timeout's cost. */
    private static final int MAX_DATABASES = 20;
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final String DATABASES = "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate"
            + " AND datname <> current_database() ORDER BY oid DESC";
    private static final String WRITES = "SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del"
            + " FROM pg_stat_user_tables WHERE schemaname || '.' || relname = ANY (?)"
            + " AND n_tup_ins + n_tup_upd + n_tup_del > 0";

    private OtherDatabaseWrites() {
    }

    /**
     * Sentences naming the other databases where {@code tables} ({@code schema.table}) were written; empty where
     * none was, where no table is known, or where the server cannot be asked.
     */
    public static List<String> find(ConnectionInfo awaited, List<String> tables) {
        if (tables.isEmpty()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String database : candidates(awaited)) {
            found.addAll(writes(awaited, database, tables));
        }
        return found;
    }

    private static List<String> candidates(ConnectionInfo awaited) {
        JvmDatabases.Candidates ours = JvmDatabases.on(awaited);
        List<String> names = new ArrayList<>();
        try (Connection connection = Jdbc.connect(awaited);
             PreparedStatement query = connection.prepareStatement(DATABASES)) {
            query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && names.size() < MAX_DATABASES) {
                    if (ours.includes(rows.getString(1))) {
                        names.add(rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not list the server's databases to look for writes elsewhere: {}", e.getMessage());
        }
        return names;
    }

    private static List<String> writes(ConnectionInfo awaited, String database, List<String> tables) {
        ConnectionInfo other = new ConnectionInfo(JdbcUrl.parse(awaited.jdbcUrl()).withDatabase(database).toUrl(),
                awaited.username(), awaited.password());
        List<String> found = new ArrayList<>();
        try (Connection connection = Jdbc.connect(other);
             PreparedStatement query = connection.prepareStatement(WRITES)) {
            query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            query.setArray(1, connection.createArrayOf("text", tables.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(AwaitMessages.writtenElsewhere(rows.getString(1), database, rows.getLong(2),
                            rows.getLong(3), rows.getLong(4)));
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not look for writes in database {}: {}", database, e.getMessage());
        }
        return found;
    }
}
