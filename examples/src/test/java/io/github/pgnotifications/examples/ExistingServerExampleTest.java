package io.github.pgnotifications.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The existing-server mode: instead of starting its embedded PostgreSQL, the library creates each test class's
 * database on a server the team already runs, and drops it after the class. A team switches the whole build over in
 * {@code src/test/resources/junit-platform.properties} (or with system properties, or the environment variables
 * {@code PGNOTIFICATIONS_JDBC_URL}, {@code PGNOTIFICATIONS_USERNAME}, {@code PGNOTIFICATIONS_PASSWORD} on CI):
 *
 * <pre>
 * pgnotifications.jdbc-url=jdbc:postgresql://localhost:5432/postgres
 * pgnotifications.username=postgres
 * pgnotifications.password=secret
 * </pre>
 *
 * <p>The test classes themselves do not change. So that this example needs no server on the machine, it starts a
 * second PostgreSQL of its own to stand in for the team's, and runs {@link ExistingServerScenario}, an ordinary
 * {@code @PgNotifications} class, through JUnit's {@link EngineTestKit} with those parameters.
 */
@Timeout(60)
class ExistingServerExampleTest {

    private static EmbeddedPostgres teamServer;

    @BeforeAll
    static void startTeamServer() throws IOException {
        teamServer = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopTeamServer() throws IOException {
        teamServer.close();
    }

    @Test
    void testClassRunsAgainstTheConfiguredServer() {
        EngineExecutionResults results = runScenario(teamServerUrl());

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void testDatabaseIsDroppedAfterTheClass() throws SQLException {
        List<String> before = databasesOnTeamServer();

        runScenario(teamServerUrl()).testEvents().assertStatistics(stats -> stats.succeeded(2));

        assertThat(databasesOnTeamServer()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void unreachableServerFailsTheClassBeforeItsFirstTest() {
        EngineExecutionResults results = runScenario("jdbc:postgresql://localhost:1/postgres");

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(ExistingServerScenario.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(text -> text.contains("Cannot connect to PostgreSQL at localhost:1")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    /** Runs the scenario class as a build would, with the settings a team puts in junit-platform.properties. */
    private static EngineExecutionResults runScenario(String jdbcUrl) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ExistingServerScenario.class))
                .configurationParameter(PgNotifications.JDBC_URL_PROPERTY_NAME, jdbcUrl)
                .configurationParameter(PgNotifications.USERNAME_PROPERTY_NAME, "postgres")
                .execute();
    }

    private static String teamServerUrl() {
        return "jdbc:postgresql://localhost:" + teamServer.getPort() + "/postgres";
    }

    private static List<String> databasesOnTeamServer() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = teamServer.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /**
     * An ordinary test class, run only by the tests above: its name matches none of Surefire's test class patterns,
     * and it is enabled only when a server URL is configured, so an IDE running the whole package skips it.
     */
    @PgNotifications(tables = "users", scripts = "classpath:users.sql")
    @EnabledIf("serverUrlConfigured")
    @Timeout(30)
    static class ExistingServerScenario {

        static boolean serverUrlConfigured(ExtensionContext context) {
            return context.getConfigurationParameter(PgNotifications.JDBC_URL_PROPERTY_NAME).isPresent();
        }

        @Test
        void databaseIsAFreshOneOnTheConfiguredServer(DataSource db) throws SQLException {
            try (Connection connection = db.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "SELECT current_setting('port')::int, current_database()")) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(teamServer.getPort());
                assertThat(row.getString(2)).isNotEqualTo("postgres");
            }
        }

        @Test
        void changesAreRecordedAsOnTheEmbeddedServer(NotificationRecorder recorder, DataSource db)
                throws SQLException {
            new UserRepository(db).create(1, "Ada", "Lovelace");

            assertThat(recorder.channel("users").awaitInsert(1).record()).containsEntry("first_name", "Ada");
        }
    }
}
