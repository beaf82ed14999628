package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.SetupException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One server and what the library keeps about it for one test run: an anchor session that marks the run as alive,
 * the templates it built (one per distinct preparation, so that a class's migrations and scripts run once per run,
 * not once per class), the databases prepared ahead for the next classes, and whether the databases of killed runs
 * were already dropped. The JUnit extension keeps one per server in the root store, closed when the run ends; a
 * {@code PgNotificationsSession} has its own, without templates. Closing it drops the templates and spare databases
 * and stops a server started for it (a container). Thread-safe.
 */
public final class ServerContext implements AutoCloseable {

    private static final Log LOG = Log.of(ServerContext.class);

    private final PostgresServer server;
    private final AutoCloseable owned;
    private final boolean templates;
    private final DatabaseNames names = new DatabaseNames();
    private final AtomicBoolean fallbackReported = new AtomicBoolean();
    private final Object anchorLock = new Object();
    private final Templates built;
    private final AdminConnection admin;
    private RunAnchor anchor;
    private boolean swept;

    /**
     * @param owned     what closing the context stops, e.g. a container started for this run; null for nothing
     * @param templates whether classes with equal preparations get clones of one template (true for a run of many
     *                  classes) or each its own fresh database (a single session)
     */
    public ServerContext(PostgresServer server, AutoCloseable owned, boolean templates) {
        this.server = server;
        this.owned = owned;
        this.templates = templates;
        this.admin = new AdminConnection(server);
        this.built = new Templates(this);
    }

    /** The run's connection for creating and dropping databases on the class's thread. */
    AdminConnection admin() {
        return admin;
    }

    public PostgresServer server() {
        return server;
    }

    /**
     * A database of a class's own, prepared: a clone of the template of this preparation (built by the first class
     * that asks, and prepared ahead for the next), or, without templates, a fresh database prepared on the spot.
     * Where the user may not create databases, the configured database, prepared again (see
     * {@link TestDatabase#isShared()}).
     *
     * @param digest  tells preparations apart: equal digests share a template
     * @param prepare runs the migrations and scripts and installs the triggers into a database, and returns what it
     *                learnt of it (its catalog), which holds for every copy of a template as well
     */
    public <T> Prepared<T> database(String digest, Function<ConnectionInfo, T> prepare) {
        startRun();
        if (!templates) {
            return fresh(prepare);
        }
        return built.database(digest, prepare);
    }

    /** A fresh database, prepared; dropped again if the preparation fails. */
    <T> Prepared<T> fresh(Function<ConnectionInfo, T> prepare) {
        TestDatabase database = TestDatabase.create(this, names.testDatabase());
        try {
            return new Prepared<>(database, prepare.apply(database.connectionInfo()));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /**
     * A prepared database and what its preparation learnt of it.
     *
     * @param database the database
     * @param schema   what the preparation returned
     */
    public record Prepared<T>(TestDatabase database, T schema) {
    }

    DatabaseNames names() {
        return names;
    }

    /** Opens the run's anchor and drops what killed runs left, once, before the run creates anything. */
    private void startRun() {
        synchronized (anchorLock) {
            if (anchor != null) {
                return;
            }
            anchor = RunAnchor.open(server.maintenanceDatabase(), names.run(), server.description());
            JvmWide.runStarted(names.run());
            JvmWide.configuredDatabaseUsed(JvmDatabases.key(server.maintenanceDatabase()));
            if (!swept) {
                swept = true;
                try (Connection admin = Jdbc.connectAdmin(server.maintenanceDatabase(), server.description())) {
                    AbandonedDatabases.drop(admin);
                } catch (SQLException | SetupException e) {
                    LOG.debug("Could not look for databases left by killed runs: {}", e.getMessage());
                }
            }
        }
    }

    /** True the first time only: the caller then says that classes share the configured database. */
    boolean firstToReportFallback() {
        return fallbackReported.compareAndSet(false, true);
    }

    /** Drops the templates and spare databases, ends the run's anchor, stops what the context started. */
    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        run(built::close, failures);
        run(admin::close, failures);
        synchronized (anchorLock) {
            if (anchor != null) {
                run(anchor::close, failures);
                anchor = null;
                JvmWide.runEnded(names.run());
            }
        }
        if (owned != null) {
            run(owned::close, failures);
        }
        failures.forEach(e -> LOG.warn("Could not clean up on {}: {}", server.description(), e.getMessage()));
    }

    private static void run(Cleanup cleanup, List<Exception> failures) {
        try {
            cleanup.run();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    @FunctionalInterface
    private interface Cleanup {
        void run() throws Exception;
    }
}
