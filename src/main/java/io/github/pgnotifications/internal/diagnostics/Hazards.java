package io.github.pgnotifications.internal.diagnostics;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
    static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final double QUEUE_USAGE_WORTH_SAYING = 0.01;
    private static final String UNCOMMITTED_SESSIONS = """
            SELECT pid, coalesce(application_name, ''), state,
                   to_char(now() - xact_start, 'FMHH24"h"MI"m"SS.MS"s"'), left(coalesce(query, ''), 80)
              FROM pg_stat_activity
             WHERE datname = current_database() AND state LIKE 'idle in transaction%'
               AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
            """;

    // Where a channel's name would appear if a trigger sent to it: the library's triggers pass it as an argument,
    // hand-written ones name it in their function (or a function it calls). Lower-cased, as unquoted NOTIFY folds it.
    private static final String MENTIONS = """
            SELECT EXISTS (SELECT 1 FROM pg_trigger t
                            WHERE NOT t.tgisinternal AND strpos(lower(encode(t.tgargs, 'escape')), lower(?)) > 0)
                OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                              AND strpos(lower(p.prosrc), lower(?)) > 0)
            """;

    // For UncommittedWriters: whether any session might be one (a fraction of a millisecond, where the query below,
    // with its view and lock table, costs a few).
    static final String ANY_UNCOMMITTED = """
            SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                            WHERE datname = current_database() AND state LIKE 'idle in transaction%'
                              AND backend_xid IS NOT NULL AND pid <> pg_backend_pid())
            """;

    // For UncommittedWriters: the sessions above, narrowed to those holding a write lock on a watched table (or a partition of one); every
    // such session when no table is watched (a channel only a team's own NOTIFY sends to).
    static final String UNCOMMITTED_WRITERS = """
            WITH watched AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                              WHERE n.nspname || '.' || c.relname = ANY (?)),
                 relations AS (SELECT oid FROM watched
                               UNION SELECT i.inhrelid FROM pg_inherits i JOIN watched w ON w.oid = i.inhparent)
            SELECT a.pid, coalesce(a.application_name, ''), a.state,
                   to_char(now() - a.xact_start, 'FMHH24"h"MI"m"SS.MS"s"'), left(coalesce(a.query, ''), 80)
              FROM pg_stat_activity a
             WHERE a.datname = current_database() AND a.state LIKE 'idle in transaction%'
               AND a.backend_xid IS NOT NULL AND a.pid <> pg_backend_pid()
               AND (cardinality(?::text[]) = 0 OR EXISTS (
                    SELECT 1 FROM pg_locks l
                     WHERE l.pid = a.pid AND l.locktype = 'relation'
                       AND l.mode IN ('RowExclusiveLock', 'AccessExclusiveLock')
                       AND l.relation IN (SELECT oid FROM relations)))
             ORDER BY a.pid
            """;

    private Hazards() {
    }

    /**
     * What the server says, on one connection of its own.
     *
     * @param hazards       sentences for a failure message; empty if none
     * @param senderMissing whether no trigger argument and no function source of the database mentions the channel
     *                      asked about; false when none was asked about or the server could not be asked, so that a
     *                      message never claims what was not seen
     */
    public record Found(List<String> hazards, boolean senderMissing) {
    }

    /**
     * The hazards as sentences for a failure message, and for {@code silentChannel} (a channel nothing arrived on;
     * null to skip) whether any trigger mentions it. Empty if the server cannot be asked now.
     */
    public static Found find(ConnectionInfo database, String silentChannel) {
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
            return new Found(found, silentChannel != null && !mentioned(connection, silentChannel));
        } catch (SQLException e) {
            LOG.debug("Could not look for hazards: {}", e.getMessage());
            return new Found(List.of(), false);
        }
    }

    private static boolean mentioned(Connection connection, String channel) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MENTIONS)) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.setString(1, channel);
            statement.setString(2, channel);
            try (ResultSet row = statement.executeQuery()) {
                return !row.next() || row.getBoolean(1);
            }
        }
    }
}
