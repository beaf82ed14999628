package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database of one test class's own: created fresh on the server and dropped on close. Where the server forbids
 * creating databases, the configured database is used instead, and {@link #isShared()} says so.
 */
public final class TestDatabase implements AutoCloseable {

    /** Every database the library creates starts with this, so that leftovers can be recognised. */
    public static final String NAME_PREFIX = "pgnotifications_";

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    private final PostgresServer server;
    private final String name;
    private final boolean shared;

    private TestDatabase(PostgresServer server, String name, boolean shared) {
        this.server = server;
        this.name = name;
        this.shared = shared;
    }

    /** Creates a fresh database on the server, or falls back to the configured one if that is not allowed. */
    public static TestDatabase create(PostgresServer server) {
        String name = NAME_PREFIX + HexFormat.of().formatHex(randomBytes());
        try (Connection admin = Jdbc.connectForSetup(server.maintenanceDatabase(), server.description());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
            return new TestDatabase(server, name, false);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return sharedFallback(server, e);
            }
            throw new SetupException(Messages.createDatabaseFailed(server.description(), e.getMessage()), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static TestDatabase sharedFallback(PostgresServer server, SQLException cause) {
        if (FALLBACK_REPORTED.compareAndSet(false, true)) {
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
                statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
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
