package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import io.quarkus.test.junit.QuarkusTestExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * What a {@code @QuarkusTest} class is told when it asks for something the Quarkus integration cannot give: the
 * classes here are marked as Quarkus's by a stand-in of its extension (see {@link QuarkusTestExtension}), and fail
 * before their first test, naming the attribute or parameter and what to do.
 */
class QuarkusMisuseTest {

    @Test
    void scriptsOrMigrationsOfTheClassesOwnAreRefusedBecauseTheApplicationBuildsTheSchema() {
        Throwable failure = Engine.firstFailure(Engine.run(ScriptsCase.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage("@PgNotifications on "
                + ScriptsCase.class.getName() + ": @PgNotifications(scripts, flyway or liquibase) is not supported on"
                + " a @QuarkusTest class: the application's own Flyway, Liquibase or Hibernate builds the schema of the"
                + " database that every class running on the application shares. Remove the attribute (and the"
                + " pgnotifications.scripts, .flyway or .liquibase configuration parameter), and let the application"
                + " build its schema and write its test data (quarkus.flyway.migrate-at-start=true, or an import.sql"
                + " for Hibernate).");
    }

    @ExtendWith(QuarkusTestExtension.class)
    @PgNotifications(tables = "accounts", flyway = "classpath:db/migration")
    static class ScriptsCase {
        @Test
        void test() {
        }
    }

    @Test
    void aServerOfTheClassesOwnIsRefusedBecauseTheApplicationGotItsDatabaseBeforeItStarted() {
        Throwable failure = Engine.firstFailure(Engine.run(ServerCase.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage("@PgNotifications on "
                + ServerCase.class.getName() + ": @PgNotifications(server = \"postgres\") is not supported on a"
                + " @QuarkusTest class: the application gets its database before it starts, from the server"
                + " pgnotifications.server or pgnotifications.jdbc-url configure (the embedded one by default)."
                + " Remove the attribute, and configure that server, or set %test.quarkus.datasource.jdbc.url to a"
                + " database of your own.");
    }

    @ExtendWith(QuarkusTestExtension.class)
    @PgNotifications(tables = "accounts", server = "postgres")
    static class ServerCase {
        static final ConnectionInfo postgres = new ConnectionInfo("jdbc:postgresql://localhost/postgres", "u", "");

        @Test
        void test() {
        }
    }

    @Test
    void aConstructorParameterIsRefusedBecauseQuarkusCreatesTheTestInstance() {
        Throwable failure = Engine.firstFailure(Engine.run(ConstructorCase.class));

        assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessage("@PgNotifications on "
                + ConstructorCase.class.getName() + ": @PgNotifications cannot inject a NotificationRecorder into"
                + " the constructor of a @QuarkusTest class: Quarkus creates the test instance itself and resolves"
                + " constructor parameters as CDI beans. Declare the NotificationRecorder as a parameter of the test"
                + " method or of a @BeforeEach method instead.");
    }

    @ExtendWith(QuarkusTestExtension.class)
    @PgNotifications(tables = "accounts")
    static class ConstructorCase {
        ConstructorCase(NotificationRecorder recorder) {
        }

        @Test
        void test() {
        }
    }
}
