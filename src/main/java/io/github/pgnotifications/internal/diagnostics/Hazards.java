package io.github.pgnotifications.internal.diagnostics;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Things on the server that keep notifications from arriving, found when an await times out: sessions of the test
 * database idle in a transaction with uncommitted writes, and a notification queue filling up. Asked on a connection
 * of its own, never the listener's.
 */
public final class Hazards {

    private static final Log LOG = Log.of(Hazards.class);
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final double QUEUE_USAGE_WORTH_SAYING = 0.01;
    private static final String UNCOMMITTED_SESSIONS = """
            SELECT pid, coalesce(application_name, ''), state,
                   to_char(now() - xact_start, 'FMHH24"h"MI"m"SS.MS"s"'), left(coalesce(query, ''), 80)
              FROM pg_stat_activity
             WHERE datname = current_database() AND state LIKE 'idle in transaction%'
               AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
            """;

    private Hazards() {
    }

    /** The hazards as sentences for a failure message; empty if none, or if the server cannot be asked now. */
    public static List<String> find(ConnectionInfo database) {
        try (Connection connection = Jdbc.connect(database); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            List<String> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(UNCOMMITTED_SESSIONS)) {
                while (rows.next()) {
                    found.add(AwaitMessages.uncommittedSession(rows.getInt(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            try (ResultSet usage = statement.executeQuery("SELECT pg_notification_queue_usage()")) {
                usage.next();
                if (usage.getDouble(1) >= QUEUE_USAGE_WORTH_SAYING) {
                    found.add(AwaitMessages.queueFilling(usage.getDouble(1)));
                }
            }
            return found;
        } catch (SQLException e) {
            LOG.debug("Could not look for hazards: {}", e.getMessage());
            return List.of();
        }
    }
}
