package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.internal.listen.NotificationListener;
import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.Sql;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** The extension's lifecycle, run through the Jupiter engine as a build tool would. */
@Timeout(60)
class ExtensionLifecycleTest {

    private static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    @Test
    void parametersAreInjectedIntoConstructorsLifecycleMethodsAndTests() {
        SEEN.clear();

        Engine.assertPassed(Engine.run(InjectionCase.class), 1);

        assertThat(SEEN).containsExactly("beforeAll", "constructor", "beforeEach", "test");
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    static class InjectionCase {
        InjectionCase(NotificationRecorder recorder, DataSource db, ConnectionInfo info) {
            SEEN.add(recorder != null && db != null && info != null ? "constructor" : "constructor without values");
        }

        @BeforeAll
        static void beforeAll(NotificationRecorder recorder, ConnectionInfo info) {
            SEEN.add(recorder.channels().contains("items") && info.jdbcUrl().startsWith("jdbc:postgresql:")
                    ? "beforeAll" : "beforeAll without channel");
        }

        @BeforeEach
        void beforeEach(DataSource db) {
            SEEN.add(db != null ? "beforeEach" : "beforeEach without DataSource");
        }

        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'one')");
            recorder.channel("items").awaitInsert(1);
            SEEN.add("test");
        }
    }

    @Test
    void eachTestSeesOnlyNotificationsCommittedAfterItStarted() {
        Engine.assertPassed(Engine.run(ResetCase.class), 2);
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ResetCase {
        @Test
        @Order(1)
        void writes(DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'one')");
        }

        @Test
        @Order(2)
        void seesNothingOfTheFirstTest(NotificationRecorder recorder) {
            recorder.sync();
            assertThat(recorder.notifications()).isEmpty();
        }
    }

    @Test
    void whatBeforeEachMethodsWriteIsNotCountedAsTheTestsOwn() {
        Engine.assertPassed(Engine.run(FixtureCase.class), 1);
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    static class FixtureCase {
        @BeforeEach
        void fixture(DataSource db, NotificationRecorder recorder) {
            exec(db, "INSERT INTO items VALUES (1, 'fixture')");
            recorder.channel("items").awaitInsert(1);
        }

        @Test
        void seesOnlyItsOwnWrites(NotificationRecorder recorder, DataSource db) {
            recorder.channel("items").assertNothingReceived();
            exec(db, "INSERT INTO items VALUES (2, 'own')");
            assertThat(recorder.channel("items").awaitNext(1)).singleElement()
                    .satisfies(n -> assertThat(n.payload()).contains("\"own\""));
            recorder.channel("items").assertNothingElse();
        }
    }

    @Test
    void nestedClassesShareTheEnclosingClassesDatabaseAndRecorder() {
        SEEN.clear();

        Engine.assertPassed(Engine.run(NestingCase.class), 2);

        assertThat(SEEN).hasSize(2).containsOnly(SEEN.get(0));
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    static class NestingCase {
        @Test
        void outer(ConnectionInfo info, NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'outer')");
            recorder.channel("items").awaitInsert(1);
            SEEN.add(info.jdbcUrl());
        }

        @Nested
        class Inner {
            @Test
            void inner(ConnectionInfo info, NotificationRecorder recorder, DataSource db) {
                exec(db, "INSERT INTO items VALUES (2, 'inner')");
                recorder.channel("items").awaitInsert(2);
                SEEN.add(info.jdbcUrl());
            }
        }
    }

    @Test
    void aNestedClassWithAnAnnotationOfItsOwnGetsADatabaseOfItsOwn() {
        SEEN.clear();

        Engine.assertPassed(Engine.run(OwnNestedCase.class), 2);

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    }

    @PgNotifications(channels = "outer")
    static class OwnNestedCase {
        @Test
        void outer(DataSource db) {
            SEEN.add(Sql.column(db, "SELECT current_database()").get(0));
        }

        @Nested
        @PgNotifications(channels = "inner")
        class Inner {
            @Test
            void inner(DataSource db, NotificationRecorder recorder) {
                SEEN.add(Sql.column(db, "SELECT current_database()").get(0));
                assertThat(recorder.channels()).containsExactly("inner");
            }
        }
    }

    @Test
    void theAnnotationWorksAsAMetaAnnotation() {
        Engine.assertPassed(Engine.run(MetaAnnotatedCase.class), 1);
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql", timeout = "2s")
    @interface ItemsDatabase {
    }

    @ItemsDatabase
    static class MetaAnnotatedCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (5, 'meta')");
            assertThat(recorder.channel("items").awaitInsert(5).record()).containsEntry("name", "meta");
            assertThat(recorder.channel("items").timeout()).hasSeconds(2);
        }
    }

    @Test
    void theTimeoutComesFromTheConfigurationParameterWhenTheAnnotationHasNone() {
        Engine.assertPassed(Engine.run(TimeoutCase.class, Map.of(PgNotifications.DEFAULT_TIMEOUT_PROPERTY_NAME, "750ms")), 1);
    }

    @PgNotifications(channels = "anything")
    static class TimeoutCase {
        @Test
        void test(NotificationRecorder recorder) {
            assertThat(recorder.channel("anything").timeout()).hasMillis(750);
        }
    }

    @Test
    void afterTheClassTheListenerHasStoppedAndTheDatabaseIsGone() throws Exception {
        SEEN.clear();

        Engine.assertPassed(Engine.run(CleanupCase.class), 1);

        assertThat(SEEN.get(4)).as("the listener thread while the class ran").isEqualTo("true");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain(NotificationListener.THREAD_NAME_PREFIX + SEEN.get(1));
        try (Connection admin = connect(SEEN.get(0))) {
            assertThat(count(admin, "SELECT count(*) FROM pg_database WHERE datname = '" + SEEN.get(1) + "'"))
                    .isZero();
            assertThat(count(admin, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE"
                    + " 'pg-notifications%' AND datname = '" + SEEN.get(1) + "'")).isZero();
        }
    }

    @PgNotifications(channels = "anything")
    static class CleanupCase {
        @Test
        void test(ConnectionInfo info, DataSource db) {
            SEEN.add(info.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"));
            SEEN.add(Sql.column(db, "SELECT current_database()").get(0));
            SEEN.add(info.username());
            SEEN.add(info.password());
            SEEN.add(String.valueOf(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .anyMatch((NotificationListener.THREAD_NAME_PREFIX + SEEN.get(1))::equals)));
        }
    }

    private static Connection connect(String url) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", SEEN.get(2));
        props.setProperty("password", SEEN.get(3));
        return DriverManager.getConnection(url, props);
    }

    private static int count(Connection connection, String query) throws Exception {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
