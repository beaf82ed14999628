package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Templates: a run prepares each distinct setup once and gives every class a copy; a class never gets a copy of a
 * template still being built; a setup changed between runs is prepared anew; what runs that were killed left is
 * dropped by a later run, what a live run holds is not. (A copy that cannot be made: see
 * {@code internal.provision.TemplateFallbackTest}.)
 */
@Timeout(180)
class TemplatesTest {

    /** What each class saw: the value its preparation wrote, which differs each time the preparation runs. */
    static final Set<String> MARKS = ConcurrentHashMap.newKeySet();
    static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();

    @TempDir
    static Path migrations;

    @Test
    void classesWithTheSameSetupGetCopiesOfOneTemplateAndEachItsOwnDatabase() {
        MARKS.clear();
        DATABASES.clear();

        Engine.assertPassed(run(List.of(MarkOne.class, MarkTwo.class, MarkThree.class), Map.of(), false), 3);

        assertThat(MARKS).as("the preparation ran once").hasSize(1);
        assertThat(DATABASES).as("each class had a database of its own").hasSize(3);
    }

    @Test
    void classesRunningInParallelWaitForTheTemplateAndNeverCopyAHalfBuiltOne() {
        MARKS.clear();
        DATABASES.clear();

        Engine.assertPassed(run(List.of(SlowOne.class, SlowTwo.class, SlowThree.class, SlowFour.class), Map.of(),
                true), 4);

        assertThat(MARKS).as("the slow preparation ran once, and every class saw it complete").hasSize(1);
        assertThat(DATABASES).hasSize(4);
    }

    @Test
    void aMigrationChangedBetweenRunsIsMigratedAnew() throws Exception {
        Files.writeString(migrations.resolve("V1__parcels.sql"), "CREATE TABLE parcels (id int PRIMARY KEY);");
        Map<String, String> flyway = Map.of(PgNotifications.FLYWAY_PROPERTY_NAME, "filesystem:" + migrations);
        Engine.assertPassed(Engine.run(ParcelsCase.class, flyway), 1);

        Files.writeString(migrations.resolve("V1__parcels.sql"),
                "CREATE TABLE parcels (id int PRIMARY KEY, weight int NOT NULL DEFAULT 7);");

        Engine.assertPassed(Engine.run(WeightedParcelsCase.class, flyway), 1);
    }

    @Test
    @SuppressWarnings("try") // The anchor session is held open, unused, for the run it names to count as alive.
    void aLaterRunDropsWhatAKilledRunLeftAndLeavesALiveRunsDatabasesAlone() throws Exception {
        Engine.assertPassed(Engine.run(ServerCase.class), 1);
        try (Connection admin = connect("pg-notifications-test")) {
            long twoMinutesAgo = Instant.now().getEpochSecond() - 120;
            String killed = "pgnotifications_" + twoMinutesAgo + "_deadbeef_t1";
            String live = "pgnotifications_" + twoMinutesAgo + "_cafebabe_t1";
            exec(admin, "CREATE DATABASE " + killed, "CREATE DATABASE " + live);
            try (Connection anchor = connect("pg-notifications-run-cafebabe")) {
                Engine.assertPassed(Engine.run(MarkOne.class), 1);

                assertThat(databases(admin)).doesNotContain(killed).contains(live);
            } finally {
                exec(admin, "DROP DATABASE IF EXISTS " + live);
            }
        }
    }

    private static EngineExecutionResults run(List<Class<?>> classes, Map<String, String> configuration,
                                              boolean parallel) {
        EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
                .selectors(classes.stream().map(type -> (DiscoverySelector) selectClass(type))
                        .toArray(DiscoverySelector[]::new))
                .configurationParameters(configuration)
                .enableImplicitConfigurationParameters(true);
        if (parallel) {
            engine.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        }
        return engine.execute();
    }

    /** Each class records the mark its preparation wrote, and its database. */
    @PgNotifications(tables = "marks", scripts = "classpath:marks.sql")
    abstract static class MarkCase {
        @Test
        void test(DataSource db) {
            MARKS.add(Sql.column(db, "SELECT mark FROM marks").get(0));
            DATABASES.add(Sql.column(db, "SELECT current_database()").get(0));
        }
    }

    static class MarkOne extends MarkCase {
    }

    static class MarkThree extends MarkCase {
    }

    static class MarkTwo extends MarkCase {
    }

    /** A preparation that takes a while, so that parallel classes ask for the template while it is being built. */
    @PgNotifications(tables = "marks", scripts = {"classpath:marks.sql", "classpath:slow.sql"})
    abstract static class SlowCase extends MarkCase {
    }

    static class SlowOne extends SlowCase {
    }

    static class SlowTwo extends SlowCase {
    }

    static class SlowThree extends SlowCase {
    }

    static class SlowFour extends SlowCase {
    }

    @PgNotifications(tables = "parcels")
    static class ParcelsCase {
        @Test
        void test(DataSource db) {
            assertThat(Sql.column(db, "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'parcels' ORDER BY ordinal_position")).containsExactly("id");
        }
    }

    @PgNotifications(tables = "parcels")
    static class WeightedParcelsCase {
        @Test
        void test(DataSource db) {
            assertThat(Sql.column(db, "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'parcels' ORDER BY ordinal_position")).containsExactly("id", "weight");
        }
    }

    /** Learns where the server is and how to log in, from the library itself. */
    @PgNotifications
    static class ServerCase {
        static ConnectionInfo server;

        @Test
        void test(ConnectionInfo info) {
            server = info;
        }
    }

    /** A session on the server's maintenance database, showing as {@code applicationName}. */
    private static Connection connect(String applicationName) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", ServerCase.server.username());
        props.setProperty("password", ServerCase.server.password());
        props.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(ServerCase.server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"),
                props);
    }

    private static List<String> databases(Connection admin) throws Exception {
        try (var statement = admin.createStatement();
             var rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static void exec(Connection connection, String... statements) throws Exception {
        try (var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
