package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.Throwables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Bad input fails the test class before any test runs, with a message that names the value and what to do. */
@Timeout(60)
class ConfigurationErrorsTest {

    @Test
    void aTableThatDoesNotExistIsNamedWithTheTablesThatDo() {
        assertThat(failureOf(MissingTableCase.class)).hasMessage(prefix(MissingTableCase.class)
                + "Table 'user' in @PgNotifications(tables) does not exist. Tables that exist: public.fine. Create it"
                + " in a migration or script, or fix the name: names are exact catalog names (case and spaces as stored,"
                + " no quotes), optionally schema.table.");
    }

    @PgNotifications(tables = "user", scripts = "classpath:fine.sql")
    static class MissingTableCase extends OneTest {
    }

    @Test
    void aQuotedOrDifferentlyCasedTableNameIsNotGuessed() {
        assertThat(failureOf(QuotedTableCase.class)).hasMessageContaining("Table '\"Fine\"' in @PgNotifications(tables)"
                + " does not exist. Tables that exist: public.fine.");
    }

    @PgNotifications(tables = "\"Fine\"", scripts = "classpath:fine.sql")
    static class QuotedTableCase extends OneTest {
    }

    @Test
    void aViewInTablesIsCalledAViewWithWhatToNameInstead() {
        assertThat(failureOf(ViewCase.class)).hasMessage(prefix(ViewCase.class)
                + "'actor_info' in @PgNotifications(tables) is a view (public.actor_info), not a table: the library"
                + " installs AFTER row triggers, which PostgreSQL allows only on tables (a view takes INSTEAD OF"
                + " triggers). Name the table(s) the view reads from.");
    }

    @PgNotifications(tables = "actor_info", scripts = "classpath:real-schemas/pagila-like.sql")
    static class ViewCase extends OneTest {
    }

    @Test
    void anUpperCaseNameOfALowerCaseTableSaysHowPostgresStoresNames() {
        assertThat(failureOf(UpperCaseCase.class)).hasMessage(prefix(UpperCaseCase.class)
                + "Table 'INT_CHANNEL_MESSAGE' in @PgNotifications(tables) does not exist, but"
                + " public.int_channel_message does: names are exact catalog names, and PostgreSQL stores unquoted"
                + " names in lower case (CREATE TABLE INT_CHANNEL_MESSAGE makes int_channel_message). Write the name"
                + " as stored.");
    }

    @PgNotifications(tables = "INT_CHANNEL_MESSAGE", scripts = "classpath:real-schemas/pagila-like.sql")
    static class UpperCaseCase extends OneTest {
    }

    @Test
    void aTableOutsideTheSearchPathIsNamedWithItsSchema() {
        assertThat(failureOf(OtherSchemaCase.class)).hasMessage(prefix(OtherSchemaCase.class)
                + "Table 'old_payment' in @PgNotifications(tables) is not on the search path, but archive.old_payment"
                + " exists. Name it with its schema: tables = \"archive.old_payment\".");
    }

    @PgNotifications(tables = "old_payment", scripts = "classpath:real-schemas/archive.sql")
    static class OtherSchemaCase extends OneTest {
    }

    @Test
    void aPartitionNamedWithItsParentIsRefusedSayingWhereItsChangesArrive() {
        assertThat(failureOf(PartitionAndParentCase.class)).hasMessage(prefix(PartitionAndParentCase.class)
                + "Table 'public.payment_p2022_03' in @PgNotifications(tables) is a partition of 'public.payment',"
                + " which tables names too: the trigger on a partitioned table covers every partition, present and"
                + " future (PostgreSQL clones it onto each), so the partition cannot have one of its own. Remove"
                + " 'public.payment_p2022_03' from tables: its changes arrive on channel 'payment' with partition() ="
                + " 'payment_p2022_03'.");
    }

    @PgNotifications(tables = {"payment_p2022_03", "payment"}, scripts = "classpath:real-schemas/pagila-like.sql")
    static class PartitionAndParentCase extends OneTest {
    }

    @Test
    void aScriptMissingFromTheClasspathIsNamedAsGiven() {
        assertThat(failureOf(MissingScriptCase.class)).hasMessage(prefix(MissingScriptCase.class)
                + "Script 'classpath:nope.sql' in @PgNotifications(scripts) was not found on the test classpath. Put it"
                + " under src/test/resources (classpath:schema.sql is src/test/resources/schema.sql), or give a file"
                + " path.");
    }

    @PgNotifications(scripts = "classpath:nope.sql")
    static class MissingScriptCase extends OneTest {
    }

    @Test
    void aSetupFailureCarriesItsSentenceOnceWithoutTheLibrarysFrames() {
        Throwable failure = failureOf(MissingScriptCase.class);

        assertThat(failure).hasNoCause();
        assertThat(failure.getStackTrace()).isNotEmpty()
                .noneMatch(frame -> frame.getClassName().startsWith("io.github.pgnotifications.internal."));
    }

    @Test
    void aFailingScriptKeepsTheServersErrorAsItsOnlyCause() {
        Throwable failure = failureOf(BrokenScriptCase.class);

        assertThat(failure.getCause()).isInstanceOf(java.sql.SQLException.class).hasNoCause();
        assertThat(failure.getCause().getStackTrace()).isNotEmpty()
                .noneMatch(frame -> frame.getClassName().startsWith("io.github.pgnotifications.internal."));
    }

    @Test
    void theExtensionRegisteredWithoutTheAnnotationSaysToAnnotateTheClass() {
        Throwable failure = failureOf(NotAnnotatedCase.class);

        assertThat(failure).hasMessage("No @PgNotifications found for 'ConfigurationErrorsTest$NotAnnotatedCase'."
                + " Annotate the test class (or an enclosing class) with @PgNotifications instead of registering the"
                + " extension directly.");
        assertThat(failure.getStackTrace())
                .noneMatch(frame -> frame.getClassName().startsWith("io.github.pgnotifications.internal."));
    }

    @ExtendWith(PgNotificationsJUnitExtension.class)
    static class NotAnnotatedCase {
        @Test
        void test() {
        }
    }

    @Test
    void aMissingScriptFileIsNamedWithWhereItWasLookedFor() {
        assertThat(failureOf(MissingFileCase.class)).hasMessageStartingWith(prefix(MissingFileCase.class)
                + "Script 'db/missing.sql' in @PgNotifications(scripts) is not a file (looked for /")
                .hasMessageEndingWith("db/missing.sql). Use classpath:NAME for a test resource, or a path relative"
                        + " to the working directory.");
    }

    @PgNotifications(scripts = "db/missing.sql")
    static class MissingFileCase extends OneTest {
    }

    @Test
    void aFailingScriptIsNamedWithTheServersMessageAndPosition() {
        assertThat(failureOf(BrokenScriptCase.class)).hasMessage(prefix(BrokenScriptCase.class)
                + "Script 'classpath:broken.sql' failed at line 3, column 8: syntax error at or near \"TABEL\""
                + " (SQLSTATE 42601). Fix the script; it runs before the triggers are installed.");
    }

    @PgNotifications(scripts = {"classpath:fine.sql", "classpath:broken.sql"})
    static class BrokenScriptCase extends OneTest {
    }

    @Test
    void anEmptyChannelNameIsRefused() {
        assertThat(failureOf(EmptyChannelCase.class)).hasMessage(prefix(EmptyChannelCase.class)
                + "A channel name in @PgNotifications(channels) is empty. PostgreSQL channel names are 1 to 63 bytes.");
    }

    @PgNotifications(channels = "")
    static class EmptyChannelCase extends OneTest {
    }

    @Test
    void aChannelNameOver63BytesIsRefusedEvenWhenItHasFewerCharacters() {
        String name = "ü".repeat(32);

        assertThat(failureOf(LongChannelCase.class)).hasMessage(prefix(LongChannelCase.class)
                + "Channel '" + name + "' in @PgNotifications(channels) is 64 bytes in UTF-8; PostgreSQL allows at"
                + " most 63 and LISTEN would silently truncate it, so nothing would ever arrive. Use a shorter name.");
    }

    @PgNotifications(channels = "üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü")
    static class LongChannelCase extends OneTest {
    }

    @Test
    void aBadTimeoutIsNamedWithWhereItCameFrom() {
        assertThat(failureOf(BadTimeoutCase.class)).hasMessage(prefix(BadTimeoutCase.class)
                + "@PgNotifications(timeout) is 'soon', which is not a positive duration. Write it like 5s, 300ms,"
                + " 2m or PT5S.");
    }

    @PgNotifications(channels = "c", timeout = "soon")
    static class BadTimeoutCase extends OneTest {
    }

    @Test
    void anUnreachableExistingServerIsNamedWithoutThePassword() {
        Throwable failure = failureOf(OneTest.Plain.class, Map.of(
                PgNotifications.JDBC_URL_PROPERTY_NAME, "jdbc:postgresql://127.0.0.1:1/appdb?password=hunter2",
                PgNotifications.USERNAME_PROPERTY_NAME, "app"));

        assertThat(failure).hasMessageStartingWith(prefix(OneTest.Plain.class)
                        + "Cannot connect to PostgreSQL at 127.0.0.1:1, database 'appdb', user 'app' (existing PostgreSQL"
                        + " at 127.0.0.1:1/appdb): ")
                .hasMessageEndingWith(". Check that the server is running and the settings pgnotifications.jdbc-url and"
                        + " pgnotifications.username are right, or remove them to use the embedded PostgreSQL default"
                        + " (no setting needed, no Docker).");
        assertThat(Throwables.stackTrace(failure)).doesNotContain("hunter2");
    }

    @Test
    void anUnknownServerKindListsTheKnownOnes() {
        assertThat(failureOf(OneTest.Plain.class, Map.of(PgNotifications.SERVER_PROPERTY_NAME, "docker")))
                .hasMessage(prefix(OneTest.Plain.class) + "configuration parameter pgnotifications.server is 'docker';"
                        + " expected one of embedded, existing, container. Remove it to use the embedded PostgreSQL"
                        + " default (no setting needed, no Docker).");
    }

    @Test
    void containerModeWithoutDockerSaysSoAndNamesTheEmbeddedDefault() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Docker.isAvailable(),
                "Docker is available here, so container mode starts instead of failing; ContainerModeTest covers it");

        assertThat(failureOf(OneTest.Plain.class, Map.of(PgNotifications.SERVER_PROPERTY_NAME, "container")))
                .hasMessage(prefix(OneTest.Plain.class) + "Container mode (pgnotifications.server=container, image"
                        + " postgres:17-alpine) needs Docker, and no Docker environment was found. Start Docker, or"
                        + " remove pgnotifications.server to use the embedded PostgreSQL default (no setting needed,"
                        + " no Docker).");
    }

    @Test
    void aSuiteWideSensitiveColumnThatLooksLikeATypoIsRefused() {
        assertThat(failureOf(SuiteWideSensitiveCase.class, Map.of(
                PgNotifications.SENSITIVE_COLUMNS_PROPERTY_NAME, "pasword_hash")))
                .hasMessage(prefix(SuiteWideSensitiveCase.class) + "Column 'pasword_hash' in configuration parameter"
                        + " pgnotifications.sensitive-columns is in no table of the test database, but 'password_hash'"
                        + " is. Fix the name, so that the column you meant is really left out of payloads.");
    }

    @Test
    void aSuiteWideSensitiveColumnThatNoTableHasIsFineForClassesWithoutIt() {
        Engine.assertPassed(Engine.run(SuiteWideSensitiveCase.class, Map.of(
                PgNotifications.SENSITIVE_COLUMNS_PROPERTY_NAME, "api_secret")), 1);
    }

    @PgNotifications(tables = "accounts", scripts = "classpath:hostile.sql")
    static class SuiteWideSensitiveCase extends OneTest {
    }

    @Test
    void aTestThatWasNotRunBecauseOfBadConfigurationIsReportedAsAContainerFailure() {
        Engine.run(MissingScriptCase.class).containerEvents()
                .assertStatistics(stats -> stats.failed(1));
        Engine.run(MissingScriptCase.class).testEvents().assertStatistics(stats -> stats.started(0));
    }

    private static Throwable failureOf(Class<?> testClass) {
        return failureOf(testClass, Map.of());
    }

    private static Throwable failureOf(Class<?> testClass, Map<String, String> configuration) {
        Throwable failure = Engine.firstFailure(Engine.run(testClass, configuration));
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class);
        return failure;
    }

    private static String prefix(Class<?> testClass) {
        return "@PgNotifications on " + testClass.getName() + ": ";
    }


    abstract static class OneTest {
        @Test
        void test() {
        }

        @PgNotifications(channels = "c")
        static class Plain extends OneTest {
        }
    }
}
