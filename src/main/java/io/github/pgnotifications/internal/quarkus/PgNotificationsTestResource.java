package io.github.pgnotifications.internal.quarkus;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.core.ConfigurationParameters;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import io.github.pgnotifications.internal.provision.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The test database of a Quarkus application, as Quarkus expects one to arrive: a global test resource (registered
 * in {@code META-INF/services}, so Quarkus applies it to every {@code @QuarkusTest} without it being part of what
 * makes Quarkus restart the application) that creates an empty database on the configured server (the embedded one
 * by default) and hands its URL, user and password to the application before it starts. The application's own
 * Flyway, Liquibase or Hibernate builds the schema; the JUnit extension installs the triggers after it. Quarkus stops
 * the resource when it stops the application, and the database is dropped then, so every test class that runs on
 * the application shares its database.
 *
 * <p>Stands down (configures nothing) when the user opted out, when the application has no PostgreSQL JDBC datasource,
 * or when its configuration names a datasource URL of its own. Quarkus calls {@code start} and {@code stop} of one
 * instance on one thread, one application at a time.
 */
public final class PgNotificationsTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Log LOG = Log.of(PgNotificationsTestResource.class);
    /** Before the resources a user declares (order 0 by default), which may want the database. */
    private static final int ORDER = -1000;

    private final Predicate<ClassLoader> applies;
    private final Function<ClassLoader, Optional<String>> configuredUrl;
    private ServerContext server;
    private TestDatabase database;

    /** As Quarkus creates it, through the service loader. */
    public PgNotificationsTestResource() {
        this(QuarkusTestDatabaseSwitch::applies, ApplicationDatasource::configuredUrl);
    }

    /**
     * @param applies       whether the application the class loader loads gets its test database from the library
     * @param configuredUrl the datasource URL the application's configuration names, if any
     */
    PgNotificationsTestResource(Predicate<ClassLoader> applies,
                                Function<ClassLoader, Optional<String>> configuredUrl) {
        this.applies = applies;
        this.configuredUrl = configuredUrl;
    }

    @Override
    public Map<String, String> start() {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        if (!applies.test(application)) {
            return Map.of();
        }
        Optional<String> configured = configuredUrl.apply(application);
        if (configured.isPresent() && !configured.get().equals(QuarkusTestDatabaseSwitch.PLACEHOLDER_URL)) {
            LOG.debug("The Quarkus application configures its own datasource URL; recording on that database");
            return Map.of();
        }
        return properties(create().connectionInfo());
    }

    private TestDatabase create() {
        server = Servers.obtain(ServerSettings.read(ConfigurationParameters.outsideJUnit()), false);
        try {
            database = server.database("quarkus-application", info -> null).database();
            LOG.debug("Created {} for the Quarkus application on {}", database.name(),
                    server.server().description());
            return database;
        } catch (RuntimeException | Error e) {
            server.close();
            server = null;
            throw e;
        }
    }

    private static Map<String, String> properties(ConnectionInfo database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ApplicationDatasource.URL, database.jdbcUrl());
        properties.put(ApplicationDatasource.USERNAME, database.username());
        properties.put(ApplicationDatasource.PASSWORD, database.password());
        return properties;
    }

    /** Quarkus stopped the application: its pool is closed, the database can go. */
    @Override
    public void stop() {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            database = null;
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    @Override
    public int order() {
        return ORDER;
    }
}
