package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Identifiers;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A database of one test class's own: created fresh on the server and dropped on close. Where the server forbids
 * creating databases, the configured database is used instead, and {@link #isShared()} says so.
 */
public final class TestDatabase implements AutoCloseable {

    /** Every database the library creates starts with this, so that leftovers can be recognised. */
    public static final String NAME_PREFIX = "pgnotifications_";

    private static final Log LOG = Log.of(TestDatabase.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final PostgresServer server;
    private final String name;
    private final boolean shared;

    private TestDatabase(PostgresServer server, String name, boolean shared) {
        this.server = server;
        this.name = name;
        this.shared = shared;
    }

    /** Creates a fresh database on the server, or falls back to the configured one if that is not allowed. */
    public static TestDatabase create(ServerContext context) {
        PostgresServer server = context.server();
        String name = NAME_PREFIX + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(randomBytes());
        try (Connection admin = Jdbc.connectForSetup(server.maintenanceDatabase(), server.description());
             Statement statement = admin.createStatement()) {
            if (context.firstToSweep()) {
                dropAbandoned(admin);
            }
            statement.execute("CREATE DATABASE " + Identifiers.quote(name));
            return new TestDatabase(server, name, false);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return sharedFallback(context, e);
            }
            throw new SetupException(Messages.createDatabaseFailed(server.description(), e.getMessage()), e);
        }
    }

    /**
     * Drops the test databases of JVMs that were killed before they could drop them: named by this library, older
     * than {@link #ABANDONED_AFTER} and with nobody connected (a live test class always has its listener connected).
     */
    private static void dropAbandoned(Connection admin) throws SQLException {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        List<String> abandoned = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT datname FROM pg_database d WHERE datname LIKE ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
            query.setString(1, NAME_PREFIX.replace("_", "\\_") + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    abandoned.add(rows.getString(1));
                }
            }
        }
        for (String name : abandoned) {
            if (createdBefore(name, cutoff)) {
                try (Statement drop = admin.createStatement()) {
                    drop.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
                    LOG.info("Dropped {}, left behind by a test run that was killed", name);
                } catch (SQLException e) {
                    LOG.debug("Could not drop abandoned test database {}: {}", name, e.getMessage());
                }
            }
        }
    }

    private static boolean createdBefore(String name, long epochSecond) {
        String[] parts = name.substring(NAME_PREFIX.length()).split("_");
        try {
            return parts.length == 2 && Long.parseLong(parts[0]) < epochSecond;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static TestDatabase sharedFallback(ServerContext context, SQLException cause) {
        PostgresServer server = context.server();
        if (context.firstToReportFallback()) {
            LOG.warn(Messages.sharedDatabaseFallback(server.description(), cause.getMessage()));
        }
        String configured = JdbcUrl.parse(server.maintenanceDatabase().jdbcUrl()).database();
        return new TestDatabase(server, configured, true);
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
        try (Connection admin = Jdbc.connect(server.maintenanceDatabase())) {
            terminateSessions(admin);
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
            }
        } catch (SQLException e) {
            LOG.warn("Could not drop test database {} on {}: {}", name, server.description(), e.getMessage());
        }
    }

    private void terminateSessions(Connection admin) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, name);
            statement.execute();
        }
    }
}
