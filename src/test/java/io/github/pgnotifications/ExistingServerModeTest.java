package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.Sql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The existing-server mode, against a second embedded server used as if it were external (so the suite never
 * depends on a local server), and against the local PostgreSQL on 127.0.0.1:5432 where there is one.
 */
@Timeout(120)
class ExistingServerModeTest {

    private static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());
    private static EmbeddedPostgres external;

    @BeforeAll
    static void startExternalServer() throws Exception {
        external = EmbeddedPostgres.start();
        exec(external.getPostgresDatabase(), "CREATE ROLE app LOGIN NOCREATEDB", "CREATE DATABASE appdb OWNER app");
    }

    @AfterAll
    static void stopExternalServer() throws Exception {
        external.close();
    }

    @Test
    void eachClassGetsAFreshDatabaseOnTheConfiguredServerDroppedAfterwards() {
        SEEN.clear();
        String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";

        Engine.assertPassed(Engine.run(ExistingServerCase.class, Map.of(PgNotifications.JDBC_URL_PROPERTY_NAME, url,
                PgNotifications.USERNAME_PROPERTY_NAME, "postgres")), 1);

        assertThat(SEEN.get(0)).startsWith("jdbc:postgresql://localhost:" + external.getPort() + "/pgnotifications_");
        assertThat(SEEN.get(1)).startsWith("pgnotifications_");
        assertThat(databases(external.getPostgresDatabase())).doesNotContain(SEEN.get(1));
    }

    @Test
    void aUserWhoMayNotCreateDatabasesWorksInTheConfiguredDatabaseAndTheTriggersAreRemovedAfterwards() {
        SEEN.clear();
        String url = "jdbc:postgresql://localhost:" + external.getPort() + "/appdb";

        Engine.assertPassed(Engine.run(ExistingServerCase.class, Map.of(PgNotifications.JDBC_URL_PROPERTY_NAME, url,
                PgNotifications.USERNAME_PROPERTY_NAME, "app")), 1);

        assertThat(SEEN.get(1)).isEqualTo("appdb");
        DataSource appdb = external.getDatabase("postgres", "appdb");
        assertThat(Sql.column(appdb, "SELECT nspname FROM pg_namespace WHERE nspname = 'pgnotifications'")).isEmpty();
        assertThat(Sql.column(appdb, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).isEmpty();
        assertThat(Sql.column(appdb, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pg-notifications'"))
                .containsExactly("0");
        exec(appdb, "DROP TABLE items");
    }

    @Test
    void theLocalServerOn5432WorksWhenThereIsOne() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres";
        Assumptions.assumeTrue(reachable(url), "no PostgreSQL answers on 127.0.0.1:5432 as user postgres");
        SEEN.clear();

        Engine.assertPassed(Engine.run(ExistingServerCase.class, Map.of(PgNotifications.JDBC_URL_PROPERTY_NAME, url,
                PgNotifications.USERNAME_PROPERTY_NAME, "postgres")), 1);

        assertThat(SEEN.get(0)).startsWith("jdbc:postgresql://127.0.0.1:5432/pgnotifications_");
        try (Connection admin = DriverManager.getConnection(url, credentials())) {
            assertThat(count(admin, "SELECT count(*) FROM pg_database WHERE datname = '" + SEEN.get(1) + "'")).isZero();
        }
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    static class ExistingServerCase {
        @Test
        void recordsOnTheConfiguredServer(NotificationRecorder recorder, DataSource db, ConnectionInfo info) {
            exec(db, "INSERT INTO items VALUES (1, 'one')");
            assertThat(recorder.channel("items").awaitInsert(1).record()).containsEntry("name", "one");
            SEEN.add(info.jdbcUrl());
            SEEN.add(Sql.column(db, "SELECT current_database()").get(0));
        }
    }

    private static List<String> databases(DataSource server) {
        return Sql.column(server, "SELECT datname FROM pg_database");
    }

    private static boolean reachable(String url) {
        try {
            DriverManager.getConnection(url, credentials()).close();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "3");
        return props;
    }

    private static int count(Connection connection, String query) throws Exception {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
