package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** {@code @PgNotifications(server = ...)}: a server the test class provides itself. */
@Timeout(300)
class ServerAttributeTest {

    private static EmbeddedPostgres teamServer;

    @BeforeAll
    static void startTeamServer() throws Exception {
        teamServer = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopTeamServer() throws Exception {
        teamServer.close();
    }

    @Test
    void aStaticConnectionInfoFieldNamesTheServer() {
        Engine.assertPassed(Engine.run(ConnectionInfoCase.class), 1);
    }

    @PgNotifications(server = "server", tables = "items", scripts = "classpath:lifecycle.sql")
    static class ConnectionInfoCase {
        static ConnectionInfo server() {
            return new ConnectionInfo("jdbc:postgresql://localhost:" + teamServer.getPort() + "/postgres", "postgres",
                    "");
        }

        @Test
        void test(NotificationRecorder recorder, DataSource db, ConnectionInfo info) {
            exec(db, "INSERT INTO items VALUES (1, 'x')");
            assertThat(recorder.channel("items").awaitInsert(1)).isNotNull();
            assertThat(info.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + teamServer.getPort() + "/");
        }
    }

    @Test
    void aNameThatIsNeitherFieldNorMethodIsRefused() {
        assertThat(Engine.firstFailure(Engine.run(MissingFieldCase.class))).hasMessageEndingWith(
                "@PgNotifications(server = \"postgres\") names no static field or static no-argument method of "
                        + MissingFieldCase.class.getName() + ". Declare one that holds a ConnectionInfo or a"
                        + " Testcontainers JdbcDatabaseContainer, or remove the attribute to use the configured server.");
    }

    @PgNotifications(server = "postgres", channels = "c")
    static class MissingFieldCase {
        @Test
        void test() {
        }
    }

    @Test
    void aFieldOfAnotherTypeIsRefused() {
        assertThat(Engine.firstFailure(Engine.run(WrongTypeCase.class))).hasMessageEndingWith(
                "@PgNotifications(server = \"url\") in " + WrongTypeCase.class.getName() + " holds a java.lang.String;"
                        + " expected a ConnectionInfo or a Testcontainers JdbcDatabaseContainer.");
    }

    @PgNotifications(server = "url", channels = "c")
    static class WrongTypeCase {
        static final String url = "jdbc:postgresql://localhost/x";

        @Test
        void test() {
        }
    }

    @Test
    void aTeamsOwnTestcontainersContainerIsStartedAndUsed() {
        Assumptions.assumeTrue(Docker.isAvailable(),
                "Docker is not available here; a team's own container is tested where a Docker engine answers");
        try (PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine")) {
            TeamContainerCase.postgres = container;
            Engine.assertPassed(Engine.run(TeamContainerCase.class), 1);
        }
    }

    @PgNotifications(server = "postgres", tables = "items", scripts = "classpath:lifecycle.sql")
    static class TeamContainerCase {
        static PostgreSQLContainer postgres;

        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'in a container')");
            assertThat(recorder.channel("items").awaitInsert(1)).isNotNull();
        }
    }
}
