package io.github.pgnotifications.springschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.support.Engine;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring application builds its own schema (Flyway, Liquibase or Hibernate's {@code ddl-auto}) while its context
 * starts; {@code @PgNotifications(tables)} alone installs the triggers on what it built, and a table it did not build
 * is named with the tool that ran, first in the failure.
 */
@Timeout(180)
class ApplicationSchemaTest {

    static final Set<String> DATABASES_SEEN = ConcurrentHashMap.newKeySet();

    @Test
    void triggersGoOnTheTablesTheApplicationsFlywayMade() {
        Engine.assertPassed(Engine.run(FlywayCase.class), 1);
    }

    @Test
    void triggersGoOnTheTablesTheApplicationsLiquibaseMade() {
        Engine.assertPassed(Engine.run(LiquibaseCase.class), 1);
    }

    @Test
    void triggersGoOnTheTablesHibernateMade() {
        Engine.assertPassed(Engine.run(HibernateCase.class), 1);
    }

    @Test
    void triggersWaitForHibernateBootstrappedInTheBackground() {
        Engine.assertPassed(Engine.run(DeferredBootstrapCase.class), 1);
    }

    @Test
    void triggersWaitForFlywayInALazilyInitialisedApplication() {
        Engine.assertPassed(Engine.run(LazyInitialisationCase.class), 1);
    }

    @Test
    void classesSharingAContextShareItsDatabaseAndItsTriggers() {
        DATABASES_SEEN.clear();

        Engine.assertPassed(EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(FlywayCase.class),
                        DiscoverySelectors.selectClass(SameContextCase.class))
                .execute(), 2);

        assertThat(DATABASES_SEEN).as("the databases the two classes' applications used").hasSize(1);
    }

    @Test
    void aTableTheApplicationsFlywayDidNotMakeIsNamedWithItsLocations() {
        Throwable failure = Engine.firstFailure(Engine.run(FlywayWithoutInvoicesCase.class));

        assertThat(failure).hasMessage("@PgNotifications on " + FlywayWithoutInvoicesCase.class.getName()
                + ": Table 'invoices' in @PgNotifications(tables) does not exist after the application built"
                + " its schema with Flyway (locations classpath:springschema/flyway), which made the tables:"
                + " public.customers, public.flyway_schema_history. Add the table to the application's schema, or fix"
                + " the name: names are exact catalog names (case as stored, no quotes), optionally schema.table.");
    }

    /** Spring does not load a context again once it failed; the class after is still told why. */
    @Test
    void aSecondClassOfTheFailedContextIsToldTheSameReason() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(FailingContextFirstCase.class),
                        DiscoverySelectors.selectClass(FailingContextSecondCase.class))
                .execute();

        assertThat(results.containerEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()
                        .getMessage()))
                .hasSize(2)
                .allMatch(message -> message.contains(": Table 'invoices' in @PgNotifications(tables) does not exist"
                        + " after the application built its schema with Flyway"), "names the missing table");
    }

    @Test
    void aTableTheApplicationsLiquibaseDidNotMakeIsNamedWithItsChangelog() {
        Throwable failure = Engine.firstFailure(Engine.run(LiquibaseWithoutInvoicesCase.class));

        assertThat(failure).hasMessageContaining(": Table 'invoices' in @PgNotifications(tables) does not exist"
                + " after the application built its schema with Liquibase (changelog"
                + " classpath:springschema/changelog.yaml), which made the tables: public.customers,"
                + " public.databasechangelog, public.databasechangeloglock. Add the table");
    }

    @Test
    void aTableHibernateDidNotMakeIsNamedWithItsDdlAuto() {
        Throwable failure = Engine.firstFailure(Engine.run(HibernateWithoutInvoicesCase.class));

        assertThat(failure).hasMessageContaining(": Table 'invoices' in @PgNotifications(tables) does not exist"
                + " after the application built its schema with Hibernate (ddl-auto=create), which made the"
                + " tables: public.customers. Add the table");
    }

    @Test
    void anApplicationWithoutASchemaToolIsToldWhereTheTableCouldComeFrom() {
        Throwable failure = Engine.firstFailure(Engine.run(NoSchemaToolCase.class));

        assertThat(failure).hasMessage("@PgNotifications on " + NoSchemaToolCase.class.getName()
                + ": Table 'customers' in @PgNotifications(tables) does not exist, and the application context ran no"
                + " Flyway, Liquibase or Hibernate schema creation (spring.jpa.hibernate.ddl-auto) that could have"
                + " made it; tables that exist: none. Let the application build its schema in the test"
                + " (spring.flyway.enabled, spring.liquibase.enabled or ddl-auto), or name a migration or script in"
                + " @PgNotifications(flyway, liquibase or scripts).");
    }

    /** The application: Spring Boot's auto-configuration, Spring Data JPA over Hibernate, its one repository. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CustomerApplication {
    }

    /** What each class does: save through the application's repository, await the row the trigger announced. */
    abstract static class SavesACustomer {
        @Autowired
        Customers customers;
        @Autowired
        JdbcTemplate jdbc;

        void savesAndAwaits(NotificationRecorder recorder) {
            DATABASES_SEEN.add(jdbc.queryForObject("SELECT current_database()", String.class));
            Customer saved = customers.save(new Customer("Ada"));

            assertThat(recorder.channel("customers").awaitInsert(saved.getId()).record())
                    .containsEntry("name", "Ada").containsEntry("version", 0L);
        }
    }

    static final String FLYWAY = "spring.flyway.locations=classpath:springschema/flyway";
    static final String NO_FLYWAY = "spring.flyway.enabled=false";
    static final String LIQUIBASE = "spring.liquibase.change-log=classpath:springschema/changelog.yaml";
    static final String NO_LIQUIBASE = "spring.liquibase.enabled=false";
    static final String QUIET = "spring.main.banner-mode=off";
    static final String QUIET_TOOLS = "logging.level.liquibase=warn";
    static final String QUIET_HIBERNATE = "logging.level.org.hibernate=warn";

    @SpringBootTest(classes = CustomerApplication.class, properties = {FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE})
    @PgNotifications(tables = "customers")
    static class FlywayCase extends SavesACustomer {
        @Test
        void test(NotificationRecorder recorder) {
            savesAndAwaits(recorder);
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE})
    @PgNotifications(tables = "customers")
    static class SameContextCase extends SavesACustomer {
        @Test
        void test(NotificationRecorder recorder) {
            savesAndAwaits(recorder);
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {NO_FLYWAY, LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE})
    @PgNotifications(tables = "customers")
    static class LiquibaseCase extends SavesACustomer {
        @Test
        void test(NotificationRecorder recorder) {
            savesAndAwaits(recorder);
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {NO_FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE,
            "spring.jpa.hibernate.ddl-auto=create-drop"})
    @PgNotifications(tables = "customers")
    static class HibernateCase extends SavesACustomer {
        @Test
        void test(NotificationRecorder recorder) {
            savesAndAwaits(recorder);
        }
    }

    /** Spring Data's deferred bootstrap: Hibernate starts (and creates the schema) on another thread. */
    @SpringBootTest(classes = CustomerApplication.class, properties = {NO_FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS,
            QUIET_HIBERNATE, "spring.jpa.hibernate.ddl-auto=create-drop",
            "spring.data.jpa.repositories.bootstrap-mode=deferred"})
    @PgNotifications(tables = "customers")
    static class DeferredBootstrapCase extends SavesACustomer {
        @Test
        void test(NotificationRecorder recorder) {
            savesAndAwaits(recorder);
        }
    }

    /** Nothing is created before it is needed, Flyway's migration included. */
    @SpringBootTest(classes = CustomerApplication.class, properties = {FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS,
            QUIET_HIBERNATE, "spring.main.lazy-initialization=true"})
    @PgNotifications(tables = "customers")
    static class LazyInitialisationCase extends SavesACustomer {
        @Test
        void test(NotificationRecorder recorder) {
            savesAndAwaits(recorder);
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE})
    @PgNotifications(tables = {"customers", "invoices"})
    static class FlywayWithoutInvoicesCase {
        @Test
        void test() {
        }
    }

    /** A context of its own (Spring counts a configuration's failures for the whole JVM), failing twice. */
    @SpringBootTest(classes = CustomerApplication.class, properties = {FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS,
            QUIET_HIBERNATE, "spring.application.name=failing-twice"})
    @PgNotifications(tables = {"customers", "invoices"})
    static class FailingContextFirstCase {
        @Test
        void test() {
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS,
            QUIET_HIBERNATE, "spring.application.name=failing-twice"})
    @PgNotifications(tables = {"customers", "invoices"})
    static class FailingContextSecondCase {
        @Test
        void test() {
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {NO_FLYWAY, LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE})
    @PgNotifications(tables = {"customers", "invoices"})
    static class LiquibaseWithoutInvoicesCase {
        @Test
        void test() {
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {NO_FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE,
            "spring.jpa.hibernate.ddl-auto=create"})
    @PgNotifications(tables = {"customers", "invoices"})
    static class HibernateWithoutInvoicesCase {
        @Test
        void test() {
        }
    }

    @SpringBootTest(classes = CustomerApplication.class, properties = {NO_FLYWAY, NO_LIQUIBASE, QUIET, QUIET_TOOLS, QUIET_HIBERNATE})
    @PgNotifications(tables = "customers")
    static class NoSchemaToolCase {
        @Test
        void test() {
        }
    }
}
