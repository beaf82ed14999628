package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One server and what the library keeps about it for one test run: whether the databases of killed runs were already
 * dropped, whether the shared-database fallback was already reported. The JUnit extension keeps one per server in
 * the root store, closed when the run ends; a {@code PgNotificationsSession} has its own. Closing it stops a server
 * started for it (a container). Thread-safe.
 */
public final class ServerContext implements AutoCloseable {

    private static final Log LOG = Log.of(ServerContext.class);

    private final PostgresServer server;
    private final AutoCloseable owned;
    private final AtomicBoolean swept = new AtomicBoolean();
    private final AtomicBoolean fallbackReported = new AtomicBoolean();

    /**
     * @param owned what closing the context stops, e.g. a container started for this run; null for nothing
     */
    public ServerContext(PostgresServer server, AutoCloseable owned) {
        this.server = server;
        this.owned = owned;
    }

    public PostgresServer server() {
        return server;
    }

    /** True the first time only: the caller then drops what killed runs left behind. */
    boolean firstToSweep() {
        return swept.compareAndSet(false, true);
    }

    /** True the first time only: the caller then says that classes share the configured database. */
    boolean firstToReportFallback() {
        return fallbackReported.compareAndSet(false, true);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("Could not stop {}: {}", server.description(), e.getMessage());
            }
        }
    }
}
