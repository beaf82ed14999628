package io.github.pgnotifications.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it starts in production: Flyway creates the schema, and with it the team's own trigger, when the
 * Spring context starts. The library creates the database and listens on {@code customer_events}, but installs no
 * trigger: listening needs no table, so the team's trigger can be tested this way. An installed trigger cannot be
 * had yet: {@code @PgNotifications(tables = "customers")} needs the table before the first test, and Flyway creates it
 * only later, when Spring builds the context. The last test shows that failure; {@link SpringBootExampleTest} runs
 * the migration files as the library's scripts instead. The database is passed to Spring as explained there.
 */
@SpringBootTest(properties = {"spring.main.banner-mode=off", "spring.main.log-startup-info=false"})
@PgNotifications(channels = "customer_events")
@DirtiesContext
@Timeout(60)
class SpringBootFlywayExampleTest {

    private static final String RUN_SCENARIO = "examples.spring.run-scenario";

    private static ConnectionInfo database;

    @Autowired
    private CustomerService customers;

    @BeforeAll
    static void rememberDatabase(ConnectionInfo info) {
        database = info;
    }

    @DynamicPropertySource
    static void pointApplicationAtTestDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database().jdbcUrl());
        registry.add("spring.datasource.username", () -> database().username());
        registry.add("spring.datasource.password", () -> database().password());
    }

    private static ConnectionInfo database() {
        return Objects.requireNonNull(database, "The Spring context was built before @BeforeAll ran: is the class"
                + " annotated @TestInstance(Lifecycle.PER_CLASS)?");
    }

    /** The injected {@link DataSource} is the library's, so this reads the database the library created. */
    @Test
    void flywayMigratedTheLibrarysDatabase(DataSource db) {
        assertThat(JdbcClient.create(db)
                .sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class)
                .list())
                .containsExactly("1", "2");
    }

    @Test
    void teamsTriggerFromTheMigrationAnnouncesSignUps(NotificationRecorder recorder) {
        long id = customers.signUp("Katherine Johnson", "katherine@example.com");

        Notification announced = recorder.channel("customer_events")
                .awaitNotification("created:" + id, notification -> notification.payload().equals("created:" + id));

        assertThat(announced.payload()).isEqualTo("created:" + id);
    }

    @Test
    void triggerOnATableThatFlywayCreatesFailsTheClassBeforeSpringStarts() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(TriggerOnFlywayTableScenario.class))
                .configurationParameter(RUN_SCENARIO, "true")
                .execute();

        results.containerEvents().assertThatEvents().haveExactly(1, event(
                container(TriggerOnFlywayTableScenario.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(text -> text.contains(
                        "Table 'customers' in @PgNotifications(tables) does not exist. Tables that exist: none.")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    /**
     * What a team would write first, run only by the test above: its name matches none of Surefire's test class
     * patterns, and it is enabled only when that test runs it, so an IDE running the whole package skips it.
     */
    @SpringBootTest(properties = {"spring.main.banner-mode=off", "spring.main.log-startup-info=false"})
    @PgNotifications(tables = "customers", channels = "customer_events")
    @EnabledIf("runByTheTestAbove")
    static class TriggerOnFlywayTableScenario {

        private static ConnectionInfo scenarioDatabase;

        static boolean runByTheTestAbove(ExtensionContext context) {
            return context.getConfigurationParameter(RUN_SCENARIO).isPresent();
        }

        @BeforeAll
        static void rememberDatabase(ConnectionInfo info) {
            scenarioDatabase = info;
        }

        @DynamicPropertySource
        static void pointApplicationAtTestDatabase(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", () -> scenarioDatabase.jdbcUrl());
            registry.add("spring.datasource.username", () -> scenarioDatabase.username());
            registry.add("spring.datasource.password", () -> scenarioDatabase.password());
        }

        @Test
        void signUpIsRecorded(NotificationRecorder recorder, @Autowired CustomerService customers) {
            long id = customers.signUp("Ada Lovelace", "ada@example.com");

            recorder.channel("customers").awaitInsert(id);
        }
    }
}
