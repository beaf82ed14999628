package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Identifiers;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database of one test class's own: created fresh or cloned from a template, and dropped on close. Where the
 * server forbids creating databases, the configured database is used instead, and {@link #isShared()} says so.
 */
public final class TestDatabase implements AutoCloseable {

    /** Every database the library creates starts with this, so that leftovers can be recognised. */
    public static final String NAME_PREFIX = DatabaseNames.PREFIX;

    private static final Log LOG = Log.of(TestDatabase.class);
    private static final String OBJECT_IN_USE = "55006";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final String COPY_SETTINGS = """
            WITH target AS (SELECT ?::text AS copy, ?::text AS template)
            SELECT CASE WHEN r.rolname IS NULL THEN format('ALTER DATABASE %I SET %I TO ', t.copy, c.name)
                        ELSE format('ALTER ROLE %I IN DATABASE %I SET %I TO ', r.rolname, t.copy, c.name) END
                   || CASE WHEN c.name IN ('search_path', 'temp_tablespaces', 'session_preload_libraries',
                                           'local_preload_libraries') THEN c.value ELSE quote_literal(c.value) END
              FROM target t
              JOIN pg_database d ON d.datname = t.template
              JOIN pg_db_role_setting s ON s.setdatabase = d.oid
              LEFT JOIN pg_roles r ON r.oid = s.setrole AND s.setrole <> 0
             CROSS JOIN LATERAL (SELECT split_part(entry, '=', 1) AS name,
                                        substr(entry, strpos(entry, '=') + 1) AS value
                                   FROM unnest(s.setconfig) AS entry) c
            """;

    private final PostgresServer server;
    private final AdminConnection admin;
    private final String name;
    private final boolean shared;

    private TestDatabase(PostgresServer server, AdminConnection admin, String name, boolean shared) {
        this.server = server;
        this.admin = admin;
        this.name = name;
        this.shared = shared;
    }

    /** Creates a fresh database, or falls back to the configured one if the user may not create databases. */
    static TestDatabase create(ServerContext context, String name) {
        try {
            context.admin().execute("CREATE DATABASE " + Identifiers.quote(name));
            return new TestDatabase(context.server(), context.admin(), name, false);
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                return sharedFallback(context, e);
            }
            throw new SetupException(Messages.createDatabaseFailed(context.server().description(), e.getMessage()), e);
        }
    }

    /**
     * Creates a database as a copy of a template. PostgreSQL refuses while anyone is connected to the template
     * (after waiting a few seconds for sessions that are ending).
     *
     * @throws SQLException when the server refuses, for the caller to fall back
     */
    static TestDatabase cloneOf(ServerContext context, AdminConnection via, String template, String name)
            throws SQLException {
        PostgresServer server = context.server();
        via.with(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE "
                        + Identifiers.quote(template) + server.cloneStrategy());
            }
            copySettings(connection, template, name);
            return null;
        });
        return new TestDatabase(server, context.admin(), name, false);
    }

    /**
     * A copy does not take its template's per-database settings ({@code ALTER DATABASE ... SET}, as a script may run
     * on its own database): they are set on the copy again, the server quoting every name and value. A list setting
     * (search_path and the like) is stored in a form that reads back as it is.
     */
    private static void copySettings(Connection admin, String template, String copy) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement settings = admin.prepareStatement(COPY_SETTINGS)) {
            settings.setString(1, copy);
            settings.setString(2, template);
            try (ResultSet rows = settings.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static boolean inUse(SQLException e) {
        return OBJECT_IN_USE.equals(e.getSQLState());
    }

    private static TestDatabase sharedFallback(ServerContext context, SQLException cause) {
        PostgresServer server = context.server();
        if (context.firstToReportFallback()) {
            LOG.warn(Messages.sharedDatabaseFallback(server.description(), cause.getMessage()));
        }
        String configured = JdbcUrl.parse(server.maintenanceDatabase().jdbcUrl()).database();
        return new TestDatabase(server, context.admin(), configured, true);
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** True when this is the server's configured database, not one created for the test class. */
    public boolean isShared() {
        return shared;
    }

    /** How to connect to this database. */
    public ConnectionInfo connectionInfo() {
        return server.database(name);
    }

    /** Drops the database, ending any session still connected to it. A shared database is left alone. */
    @Override
    public void close() {
        if (shared) {
            return;
        }
        try {
            admin.with(this::drop);
        } catch (SQLException | SetupException e) {
            if (serverGone(e)) {
                // Typically the JVM is exiting and the embedded server stopped first: nothing is left to drop.
                LOG.debug("Could not drop test database {}: the server {} is gone", name, server.description());
            } else {
                LOG.warn("Could not drop test database {} on {}: {}", name, server.description(), e.getMessage());
            }
        }
    }

    private static boolean serverGone(Exception e) {
        Throwable cause = e instanceof SetupException ? e.getCause() : e;
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    /** Drops the database, ending its sessions: in one statement from PostgreSQL 13 on. */
    private Void drop(Connection admin) throws SQLException {
        String drop = "DROP DATABASE IF EXISTS " + Identifiers.quote(name);
        try (Statement statement = admin.createStatement()) {
            if (admin.getMetaData().getDatabaseMajorVersion() >= 13) {
                statement.execute(drop + " WITH (FORCE)");
            } else {
                terminateSessions(admin);
                statement.execute(drop);
            }
        }
        return null;
    }

    private void terminateSessions(Connection admin) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + (shared ? ", shared" : "") + "]";
    }
}
