package io.github.pgnotifications.internal.core;

import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.contracts.ChangedBy;
import io.github.pgnotifications.internal.contracts.ClassContracts;
import io.github.pgnotifications.internal.contracts.Contracts;
import io.github.pgnotifications.internal.listen.ListenException;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.TestDatabase;
import io.github.pgnotifications.internal.record.ChannelKeys;
import io.github.pgnotifications.internal.record.Recorder;
import io.github.pgnotifications.internal.schema.Catalog;
import io.github.pgnotifications.internal.schema.InstalledTriggers;
import io.github.pgnotifications.internal.schema.TriggerInstaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Everything one test class needs, without JUnit: a database of its own with the scripts run and the triggers
 * installed, and a recorder listening on every channel. Closing it stops the recorder and drops the database.
 */
public final class Session implements AutoCloseable {

    private static final Log LOG = Log.of(Session.class);

    private final ConnectionInfo database;
    private final Recorder recorder;
    private final DataSource dataSource;
    private final Runnable release;
    private final ClassContracts contracts;

    private Session(ConnectionInfo database, Recorder recorder, Runnable release, ClassContracts contracts) {
        this.database = database;
        this.recorder = recorder;
        this.dataSource = Jdbc.dataSource(database);
        this.release = release;
        this.contracts = contracts;
    }

    /**
     * Validates the settings, then gets a prepared database on the server (a copy of the run's template of these
     * settings, where the server allows) and starts recording.
     *
     * @throws SetupException naming the bad value and what to do
     */
    public static Session open(SessionSettings settings, ServerContext server) {
        return open(settings, server, null);
    }

    /**
     * As {@link #open(SessionSettings, ServerContext)}, with the run's contracts checked once the triggers are in.
     *
     * @param contracts the run's contracts folder; null when contracts are off
     * @throws SetupException also for a missing or differing contract
     */
    public static Session open(SessionSettings settings, ServerContext server, Contracts contracts) {
        Preparation preparation = Preparation.of(settings);
        long started = System.nanoTime();
        ServerContext.Prepared<Catalog> prepared = server.database(preparation.digest(), preparation::applyTo);
        TestDatabase database = prepared.database();
        try {
            Session session = start(settings, preparation, preparation.digest(), prepared.schema(),
                    database.connectionInfo(), () -> release(database), contracts);
            LOG.debug("Prepared {} on {} in {} ms", database.name(), server.server().description(),
                    (System.nanoTime() - started) / 1_000_000);
            return session;
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /**
     * A database prepared without the triggers, for a framework that owns the database's life and builds the schema
     * itself (a Spring application context, shared by several test classes, running the application's Flyway,
     * Liquibase or Hibernate): it calls {@link #installTriggers} once that schema is built, and closes the database.
     */
    public static TestDatabase prepareDatabase(SessionSettings settings, ServerContext server) {
        Preparation preparation = Preparation.withoutTriggers(settings);
        return server.database(preparation.digest(), preparation::applyTo).database();
    }

    /**
     * Installs the triggers on a database from {@link #prepareDatabase}, after the framework built its schema.
     *
     * @param builtBy what built the schema, for the message that names a missing table; asked only then
     * @throws SetupException for a table that is not in the schema, naming what built it and what it holds
     */
    public static void installTriggers(SessionSettings settings, ConnectionInfo database, Supplier<String> builtBy) {
        long started = System.nanoTime();
        Preparation.withoutTriggers(settings).installOnApplicationSchema(database, builtBy);
        LOG.debug("Installed the triggers on the application's schema in {} ms",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Records on a database prepared with the same settings by {@link #prepareDatabase}; closing leaves it be. */
    public static Session attach(SessionSettings settings, ConnectionInfo database) {
        return attach(settings, database, (Contracts) null);
    }

    /** As {@link #attach(SessionSettings, ConnectionInfo)}, with the run's contracts (null when off) checked. */
    public static Session attach(SessionSettings settings, ConnectionInfo database, Contracts contracts) {
        return attach(settings, database, contracts, () -> { });
    }

    private static Session attach(SessionSettings settings, ConnectionInfo database, Contracts contracts,
                                  Runnable release) {
        Catalog catalog;
        try (Connection connection = Jdbc.connect(database)) {
            catalog = Catalog.read(connection);
        } catch (SQLException e) {
            throw new SetupException(Messages.prepareFailed(JdbcUrl.parse(database.jdbcUrl()).database(),
                    e.getMessage()), e);
        }
        return start(settings, Preparation.of(settings), null, catalog, database, release, contracts);
    }

    /**
     * Records on a database that a framework keeps beyond the test class (a running Quarkus application's), after
     * installing the triggers on the schema it built; closing removes the triggers again and leaves the database be.
     *
     * @param builtBy what built the schema, for the message that names a missing table
     */
    public static Session attachWithTriggers(SessionSettings settings, ConnectionInfo database,
                                             Supplier<String> builtBy, Contracts contracts) {
        installTriggers(settings, database, builtBy);
        try {
            return attach(settings, database, contracts, () -> uninstallTriggers(database));
        } catch (RuntimeException | Error e) {
            uninstallTriggers(database);
            throw e;
        }
    }

    private static void uninstallTriggers(ConnectionInfo database) {
        try (Connection connection = Jdbc.connect(database)) {
            TriggerInstaller.uninstall(connection);
        } catch (SQLException | SetupException e) {
            LOG.warn("Could not remove the installed triggers from {}: {}", JdbcUrl.parse(database.jdbcUrl())
                    .database(), e.getMessage());
        }
    }

    /** @param schemaDigest the preparation's digest when it alone built the schema, else null */
    private static Session start(SessionSettings settings, Preparation preparation, String schemaDigest,
                                 Catalog catalog, ConnectionInfo database, Runnable release, Contracts contracts) {
        InstalledTriggers triggers = preparation.plan(catalog);
        ClassContracts classContracts = contracts == null ? ClassContracts.OFF
                : checkContracts(contracts, settings, preparation, schemaDigest, triggers, database);
        Set<String> channels = new LinkedHashSet<>(triggers.channels());
        channels.addAll(settings.channels());
        Recorder recorder = startRecorder(settings, database, catalog, List.copyOf(channels),
                new ChannelKeys(triggers.keysByChannel(), catalog.keyColumnSuggestions()));
        recorder.tap(classContracts.observedChannels());
        return new Session(database, recorder, release, classContracts);
    }

    /** The class's catalog contracts compared with the committed ones, now that its triggers are installed. */
    private static ClassContracts checkContracts(Contracts contracts, SessionSettings settings,
                                                 Preparation preparation, String schemaDigest,
                                                 InstalledTriggers triggers, ConnectionInfo database) {
        Map<String, String> tables = new LinkedHashMap<>();
        triggers.tables().forEach(planned -> tables.putIfAbsent(planned.channel(), planned.table().name()));
        ChangedBy changedBy = new ChangedBy(preparation.scripts(), settings.flyway(), tables);
        try (OnDemandConnection connection = new OnDemandConnection(database)) {
            return contracts.forClass(connection::get, schemaDigest, triggers.channels(), settings.channels(),
                    changedBy);
        }
    }

    /** Drops the database, or for the shared configured database, removes the installed triggers from it. */
    private static void release(TestDatabase database) {
        if (database.isShared()) {
            uninstallTriggers(database.connectionInfo());
        }
        database.close();
    }

    private static Recorder startRecorder(SessionSettings settings, ConnectionInfo info, Catalog catalog,
                                          List<String> channels, ChannelKeys channelKeys) {
        try {
            return Recorder.start(info, channels, settings.timeout(),
                    (schema, table) -> catalog.keyOf(schema, table).orElse(List.of("id")), catalog::typesOf, channelKeys,
                    settings.health(), settings.maxRecorded());
        } catch (ListenException e) {
            throw new SetupException(Messages.listenFailed(channels, e.getMessage()), e);
        }
    }

    /** The recorder, listening on every channel. */
    public NotificationRecorder recorder() {
        return recorder;
    }

    /** What arrived during the current test, for a failure that is not the recorder's own; empty if nothing. */
    public Optional<String> recordedDuringTest(Throwable failure) {
        return recorder.recordedDuringTest(failure);
    }

    /**
     * The end of a test: checks the payloads that arrived on the observed channels since the last call against their
     * contracts (after a sync, so that everything the test committed is in). Nothing at all when contracts are off.
     *
     * @param testFailed whether the test failed already: its payloads are then observed, not checked
     * @throws org.opentest4j.AssertionFailedError for a payload that does not fit
     */
    public void checkContracts(boolean testFailed) {
        if (contracts.observedChannels().isEmpty()) {
            return;
        }
        recorder.sync();
        contracts.afterTest(recorder.takeTapped(), testFailed);
    }

    /** A DataSource for the test database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** How to reach the test database. */
    public ConnectionInfo connectionInfo() {
        return database;
    }

    /** The database's name. */
    public String databaseName() {
        return JdbcUrl.parse(database.jdbcUrl()).database();
    }

    /** What arrived after the last test (in {@code @AfterAll} methods) still shapes the contracts. */
    private void observeLastPayloads() {
        if (contracts.observedChannels().isEmpty()) {
            return;
        }
        try {
            recorder.sync();
        } catch (RuntimeException e) {
            // Observe what did arrive.
        }
        contracts.observeOnly(recorder.takeTapped());
    }

    /**
     * Stops recording and drops the database (or, for a shared database, removes the installed triggers); a database
     * the session was attached to is left be.
     */
    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            observeLastPayloads();
            recorder.close();
        } finally {
            long stopped = System.nanoTime();
            release.run();
            LOG.debug("Closed {}: recorder {} ms, database {} ms", databaseName(), (stopped - started) / 1_000_000,
                    (System.nanoTime() - stopped) / 1_000_000);
        }
    }
}
