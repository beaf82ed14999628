package io.github.pgnotifications.internal.quarkus;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.contracts.Contracts;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;

/**
 * The JUnit extension's way into a running Quarkus application, for a {@code @QuarkusTest} class: reads the database
 * the application writes to from its configuration (the library's test database, or the user's own URL), installs
 * the triggers on the schema the application's own Flyway, Liquibase or Hibernate built when it started, and records
 * there. Closing the session removes the triggers; the database stays while Quarkus keeps the application, for the
 * next class that runs on it. Loaded only when Quarkus runs the class.
 */
public final class QuarkusSessions {

    private static final String SCHEMA_TOOL = "the Quarkus application's own schema tool (quarkus-flyway or"
            + " quarkus-liquibase migrating at start, or Hibernate ORM's schema management)";

    private QuarkusSessions() {
    }

    /**
     * @param testClass the test class, loaded by the application's class loader
     * @throws SetupException when the application has no datasource URL, or the class asks for migrations or
     *                        scripts of its own
     * @param contracts the run's payload contracts, null when off
     */
    public static Session open(Class<?> testClass, SessionSettings settings, Contracts contracts) {
        rejectOwnSchema(settings);
        ConnectionInfo database = ApplicationDatasource.of(testClass.getClassLoader())
                .filter(info -> !info.jdbcUrl().equals(QuarkusTestDatabaseSwitch.PLACEHOLDER_URL))
                .orElseThrow(() -> new SetupException(Messages.quarkusWithoutDatabase(
                        QuarkusTestDatabaseSwitch.enabled())));
        return Session.attachWithTriggers(settings, database, () -> SCHEMA_TOOL, contracts);
    }

    /** The application's database is on the server the test resource chose before the application started. */
    public static void rejectOwnServer(String server) {
        if (!server.isBlank()) {
            throw new SetupException(Messages.quarkusWithServerAttribute(server));
        }
    }

    /**
     * The application builds the schema of a database it shares with every class that runs on it: a class's own
     * migrations or scripts would run again for each class, or clash with the application's.
     */
    public static void rejectOwnSchema(SessionSettings settings) {
        if (!settings.scripts().isEmpty() || !settings.flyway().isEmpty() || !settings.liquibase().isEmpty()) {
            throw new SetupException(Messages.quarkusWithOwnSchema());
        }
    }
}
