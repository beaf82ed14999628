package io.github.pgnotifications.internal.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The global Quarkus test resource, started and stopped as Quarkus does it (without Quarkus: what it is told about the
 * application is given here), against the embedded server.
 */
@Timeout(120)
class PgNotificationsTestResourceTest {

    private static final String URL = "quarkus.datasource.jdbc.url";
    private static final String USERNAME = "quarkus.datasource.username";
    private static final String PASSWORD = "quarkus.datasource.password";

    @Test
    void startCreatesAnEmptyDatabaseForTheApplicationAndStopDropsIt() throws SQLException {
        PgNotificationsTestResource resource = new PgNotificationsTestResource(loader -> true,
                loader -> Optional.of(QuarkusTestDatabaseSwitch.PLACEHOLDER_URL));
        ConnectionInfo database;
        try {
            Map<String, String> configuration = resource.start();

            assertThat(configuration).containsOnlyKeys(URL, USERNAME, PASSWORD);
            database = new ConnectionInfo(configuration.get(URL), configuration.get(USERNAME),
                    configuration.get(PASSWORD));
            try (Connection connection = Jdbc.connect(database);
                 ResultSet tables = connection.createStatement().executeQuery(
                         "SELECT current_database(), (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')")) {
                tables.next();
                assertThat(tables.getString(1)).startsWith("pgnotifications_");
                assertThat(tables.getInt(2)).as("tables in the new database").isZero();
            }
        } finally {
            resource.stop();
        }
        assertThatThrownBy(() -> Jdbc.connect(database).close()).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).as("invalid catalog name").isEqualTo("3D000");
    }

    @Test
    void anApplicationWhoseConfigurationNamesNoUrlAtAllGetsADatabaseToo() {
        PgNotificationsTestResource resource = new PgNotificationsTestResource(loader -> true,
                loader -> Optional.empty());
        try {
            assertThat(resource.start()).containsKey(URL);
        } finally {
            resource.stop();
        }
    }

    @Test
    void aDatasourceUrlOfTheApplicationsOwnIsKept() {
        PgNotificationsTestResource resource = new PgNotificationsTestResource(loader -> true,
                loader -> Optional.of("jdbc:postgresql://db.example.com/accounts"));

        assertThat(resource.start()).as("configuration handed to the application").isEmpty();
        resource.stop();
    }

    @Test
    void anApplicationWithoutAPostgresqlJdbcDatasourceOrAUserWhoOptedOutIsLeftAlone() {
        AtomicBoolean configurationRead = new AtomicBoolean();
        PgNotificationsTestResource resource = new PgNotificationsTestResource(loader -> false, loader -> {
            configurationRead.set(true);
            return Optional.empty();
        });

        assertThat(resource.start()).isEmpty();
        assertThat(configurationRead).as("the application's configuration was read").isFalse();
        resource.stop();
    }

    @Test
    void itStartsBeforeTheResourcesATeamDeclares() {
        assertThat(new PgNotificationsTestResource().order()).isNegative();
    }
}
