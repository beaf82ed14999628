package io.github.pgnotifications.spring;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.support.Engine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code @PgNotifications} on Spring test classes: the application's own DataSource points at the test database with
 * no code in the test, classes with the same configuration share one cached context and its database, and each test
 * still sees only the notifications committed after it started, even with classes running in parallel.
 */
@Timeout(180)
class SpringIntegrationTest {

    /**
     * Each application context built counts itself here, by the database its DataSource reaches. Spring's context
     * cache lives as long as the JVM, so the counts span the tests of this class.
     */
    static final Map<String, AtomicInteger> CONTEXTS_BY_DATABASE = new ConcurrentHashMap<>();
    static final Set<String> DATABASES_SEEN = ConcurrentHashMap.newKeySet();

    @Test
    void classesWithTheSameConfigurationShareOneCachedContextAndItsDatabase() {
        DATABASES_SEEN.clear();

        Engine.assertPassed(run(List.of(FirstBootCase.class, SecondBootCase.class), false), 4);

        assertThat(DATABASES_SEEN).as("the databases the two classes' applications used").hasSize(1);
        assertThat(CONTEXTS_BY_DATABASE.get(DATABASES_SEEN.iterator().next()))
                .as("application contexts built on that database, in this JVM").hasValue(1);
    }

    @Test
    void classesThatShareAContextStayIsolatedWhenRunInParallel() {
        DATABASES_SEEN.clear();

        Engine.assertPassed(run(List.of(FirstBootCase.class, SecondBootCase.class, OtherSettingsBootCase.class),
                true), 6);

        assertThat(DATABASES_SEEN).as("two settings, two contexts, two databases").hasSize(2);
    }

    @Test
    void aJdbcTestSliceUsesTheTestDatabaseInsteadOfAnEmbeddedOne() {
        Engine.assertPassed(Engine.run(JdbcSliceCase.class), 1);
    }

    @Test
    void aPlainSpringContextWithoutADataSourceGetsTheTestDatabases() {
        Engine.assertPassed(Engine.run(PlainContextCase.class), 1);
    }

    @Test
    void aClassStillWiredByHandIsToldWhatToRemove() {
        Throwable failure = Engine.firstFailure(Engine.run(HandWiredCase.class));

        assertThat(failure).hasMessageStartingWith("@PgNotifications on " + HandWiredCase.class.getName()
                        + ": Spring could not build the application context (")
                .hasMessageEndingWith("The class has a @DynamicPropertySource: with @PgNotifications the"
                        + " application's DataSource points at the test database by itself, before any @BeforeAll"
                        + " method runs. Remove the @DynamicPropertySource that sets spring.datasource.*, the"
                        + " @BeforeAll and static field that fed it, and @DirtiesContext.");
    }

    private static EngineExecutionResults run(List<Class<?>> classes, boolean parallel) {
        EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
                .selectors(classes.stream().map(type -> selectClass(type)).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new))
                .enableImplicitConfigurationParameters(true);
        if (parallel) {
            engine.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        }
        return engine.execute();
    }

    /** The application under test: Spring Boot's auto-configuration, a Hikari pool from spring.datasource. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BootApplication {
        @Bean
        ContextCounter contextCounter(DataSource dataSource) {
            return new ContextCounter(dataSource);
        }
    }

    /** Counts the contexts built, by the database that their own DataSource reaches. */
    static final class ContextCounter {
        ContextCounter(DataSource dataSource) {
            String database = new JdbcTemplate(dataSource).queryForObject("SELECT current_database()", String.class);
            CONTEXTS_BY_DATABASE.computeIfAbsent(database, name -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** What each class does: write through the application's pool, see exactly its own notification. */
    abstract static class BootCase {
        @Autowired
        JdbcTemplate jdbc;

        void writesAndSeesOnlyItsOwnChange(long id, NotificationRecorder recorder) {
            DATABASES_SEEN.add(jdbc.queryForObject("SELECT current_database()", String.class));
            jdbc.update("INSERT INTO items VALUES (?, 'from the application')", id);
            recorder.channel("items").awaitInsert(id);
            recorder.channel("items").assertNothingElse();
        }
    }

    @SpringBootTest(classes = BootApplication.class, properties = {"spring.flyway.enabled=false",
            "spring.liquibase.enabled=false", "spring.main.banner-mode=off"})
    @PgNotifications(tables = "items", scripts = "classpath:spring-items.sql")
    static class FirstBootCase extends BootCase {
        @Test
        void first(NotificationRecorder recorder) {
            writesAndSeesOnlyItsOwnChange(System.nanoTime(), recorder);
        }

        @Test
        void second(NotificationRecorder recorder) {
            writesAndSeesOnlyItsOwnChange(System.nanoTime(), recorder);
        }
    }

    @SpringBootTest(classes = BootApplication.class, properties = {"spring.flyway.enabled=false",
            "spring.liquibase.enabled=false", "spring.main.banner-mode=off"})
    @PgNotifications(tables = "items", scripts = "classpath:spring-items.sql")
    static class SecondBootCase extends BootCase {
        @Test
        void first(NotificationRecorder recorder) {
            writesAndSeesOnlyItsOwnChange(System.nanoTime(), recorder);
        }

        @Test
        void second(NotificationRecorder recorder) {
            writesAndSeesOnlyItsOwnChange(System.nanoTime(), recorder);
        }
    }

    @SpringBootTest(classes = BootApplication.class, properties = {"spring.flyway.enabled=false",
            "spring.liquibase.enabled=false", "spring.main.banner-mode=off"})
    @PgNotifications(tables = "items", scripts = "classpath:spring-items.sql", timeout = "10s")
    static class OtherSettingsBootCase extends BootCase {
        @Test
        void first(NotificationRecorder recorder) {
            writesAndSeesOnlyItsOwnChange(System.nanoTime(), recorder);
        }

        @Test
        void second(NotificationRecorder recorder) {
            writesAndSeesOnlyItsOwnChange(System.nanoTime(), recorder);
        }
    }

    /** Written for the earlier, hand-wired form: a static field that @BeforeAll fills, too late for Spring now. */
    @SpringBootTest(classes = BootApplication.class, properties = {"spring.flyway.enabled=false",
            "spring.liquibase.enabled=false", "spring.main.banner-mode=off"})
    @PgNotifications(tables = "items", scripts = "classpath:spring-items.sql")
    static class HandWiredCase {
        static ConnectionInfo database;

        @BeforeAll
        static void remember(ConnectionInfo info) {
            database = info;
        }

        @DynamicPropertySource
        static void pointAtTheTestDatabase(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", () -> database.jdbcUrl());
        }

        @Test
        void test() {
        }
    }

    /**
     * A test slice: {@code @JdbcTest} would replace the DataSource with an embedded one, and runs each test in a
     * transaction that is rolled back; the library keeps the test database, and the test opts out of the transaction
     * so that its write is committed, and notified.
     */
    @JdbcTest(properties = {"spring.flyway.enabled=false", "spring.liquibase.enabled=false"})
    @PgNotifications(tables = "items", scripts = "classpath:spring-items.sql")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    static class JdbcSliceCase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        void test(NotificationRecorder recorder, DataSource library) {
            jdbc.update("INSERT INTO items VALUES (1, 'slice')");
            assertThat(recorder.channel("items").awaitInsert(1).record()).containsEntry("name", "slice");
            assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                    .isEqualTo(new JdbcTemplate(library).queryForObject("SELECT current_database()", String.class));
        }
    }

    /** Plain Spring, no Boot: the configuration needs a DataSource and defines none. */
    @Configuration
    static class PlainConfiguration {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }

    @SpringJUnitConfig(PlainConfiguration.class)
    @PgNotifications(tables = "items", scripts = "classpath:spring-items.sql")
    static class PlainContextCase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            jdbc.update("INSERT INTO items VALUES (2, 'plain')");
            assertThat(recorder.channel("items").awaitInsert(2).record()).containsEntry("name", "plain");
            exec(db, "INSERT INTO items VALUES (3, 'through the library''s DataSource')");
            assertThat(recorder.channel("items").awaitInsert(3)).isNotNull();
        }
    }
}
