package io.github.pgnotifications.contracts;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.internal.ConfigKeys;
import io.github.pgnotifications.internal.contracts.ChannelContract;
import io.github.pgnotifications.internal.contracts.ContractJson;
import io.github.pgnotifications.support.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/**
 * Payload contracts through the Jupiter engine, as a build runs them: each {@link #run} is one run of the suite (a
 * run identity of its own), so a second run finds what the first wrote as committed. The {@code CI} environment
 * variable is given through the library's internal seam, never by changing the real environment.
 */
@Timeout(120)
class ContractsTest {

    private static final String ACCOUNTS_V1 = "classpath:contract-runs/accounts-v1.sql";

    @TempDir
    Path folder;

    @Test
    void theFirstRunWritesTheContractsAndTheSecondVerifiesThemUnchanged() throws IOException {
        Engine.assertPassed(run(AccountsCase.class, ACCOUNTS_V1), 1);
        String written = read("accounts.schema.json");
        String asyncApi = read("asyncapi.json");

        Engine.assertPassed(run(AccountsCase.class, ACCOUNTS_V1), 1);

        assertThat(contract("accounts").origin()).isEqualTo(ChannelContract.Origin.CATALOG);
        assertThat(read("accounts.schema.json")).isEqualTo(written).endsWith("\n");
        assertThat(read("asyncapi.json")).isEqualTo(asyncApi).contains("accounts.schema.json");
    }

    @Test
    void aRenamedColumnFailsTheClassWithTheDiffNamingTheScriptThatChangedIt() throws IOException {
        Engine.assertPassed(run(AccountsCase.class, ACCOUNTS_V1), 1);
        String committed = read("accounts.schema.json");

        EngineExecutionResults second = run(AccountsCase.class, "classpath:contract-runs/accounts-v2-rename.sql");

        Throwable failure = Engine.firstFailure(second);
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("'accounts'").hasMessageContaining("accounts.schema.json")
                .hasMessageContaining("email").hasMessageContaining("classpath:contract-runs/accounts-v2-rename.sql");
        assertThat(second.testEvents().started().count()).as("tests run after the class failed").isZero();
        assertThat(read("accounts.schema.json")).as("the committed contract, left as it was").isEqualTo(committed);
    }

    @Test
    void aChangedColumnTypeFailsTheClass() throws IOException {
        Engine.assertPassed(run(AccountsCase.class, ACCOUNTS_V1), 1);

        Throwable failure = Engine.firstFailure(run(AccountsCase.class, "classpath:contract-runs/accounts-v3-type.sql"));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("'accounts'").hasMessageContaining("bigint").hasMessageContaining("text")
                .hasMessageContaining("classpath:contract-runs/accounts-v3-type.sql");
    }

    @Test
    void updateModeRewritesTheContractAndTheNextRunVerifiesTheNewOne() throws IOException {
        Engine.assertPassed(run(AccountsCase.class, ACCOUNTS_V1), 1);
        String before = read("accounts.schema.json");

        Engine.assertPassed(run(AccountsCase.class, "classpath:contract-runs/accounts-v2-rename.sql",
                PgNotifications.CONTRACTS_PROPERTY_NAME, "update"), 1);

        assertThat(read("accounts.schema.json")).isNotEqualTo(before).contains("email_address");
        Engine.assertPassed(run(AccountsCase.class, "classpath:contract-runs/accounts-v2-rename.sql"), 1);
    }

    @Test
    void underCiAMissingContractFailsTheClassNamingTheFileAndWritesNothing() throws IOException {
        Throwable failure = Engine.firstFailure(run(AccountsCase.class, ACCOUNTS_V1,
                ConfigKeys.CONTRACTS_CI_FOR_TESTS, "true"));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("accounts.schema.json");
        assertThat(files()).isEmpty();
    }

    @Test
    void verifyModeFailsOnAMissingContractToo() throws IOException {
        Throwable failure = Engine.firstFailure(run(AccountsCase.class, ACCOUNTS_V1,
                PgNotifications.CONTRACTS_PROPERTY_NAME, "verify"));

        assertThat(failure).hasMessageContaining("accounts.schema.json");
        assertThat(files()).isEmpty();
    }

    @Test
    void underCiACommittedContractThatMatchesPasses() {
        Engine.assertPassed(run(AccountsCase.class, ACCOUNTS_V1), 1);

        Engine.assertPassed(run(AccountsCase.class, ACCOUNTS_V1, ConfigKeys.CONTRACTS_CI_FOR_TESTS, "true"), 1);
    }

    @PgNotifications(tables = "accounts")
    static class AccountsCase {
        @Test
        void insertsAnAccount(DataSource db) {
            exec(db, "INSERT INTO accounts (id, owner) VALUES (1, 'ada')");
        }
    }

    @Test
    void aCustomTriggerThatSendsTheIdAsTextFailsTheTestThatCausedItNamingPathValueAndPayload() throws IOException {
        Engine.assertPassed(run(OrdersCase.class, "classpath:contract-runs/orders-integer-id.sql"), 2);
        String committed = read("orders.schema.json");

        EngineExecutionResults second = run(OrdersCase.class, "classpath:contract-runs/orders-text-id.sql");

        List<Event> failed = second.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getTestDescriptor().getDisplayName()).startsWith("insertsAnOrder");
        assertThat(second.testEvents().succeeded().count()).isEqualTo(1);
        Throwable failure = Engine.firstFailure(second);
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining("'orders'")
                .hasMessageContaining("/id").hasMessageContaining("\"7\"")
                .hasMessageContaining("{\"id\" : \"7\", \"total\" : 9.50}");
        assertThat(read("orders.schema.json")).as("the committed contract, left as it was").isEqualTo(committed);
    }

    @Test
    void aNewFieldFromACustomTriggerFailsUntilAdditiveChangesMayPass() {
        Engine.assertPassed(run(OrdersCase.class, "classpath:contract-runs/orders-integer-id.sql"), 2);

        Throwable failure = Engine.firstFailure(run(OrdersCase.class, "classpath:contract-runs/orders-new-field.sql"));

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining("currency");
        Engine.assertPassed(run(OrdersCase.class, "classpath:contract-runs/orders-new-field.sql",
                PgNotifications.CONTRACTS_ADDITIVE_PROPERTY_NAME, "pass"), 2);
    }

    @Test
    void updateModeTakesTheNewShapeOfACustomTrigger() throws IOException {
        Engine.assertPassed(run(OrdersCase.class, "classpath:contract-runs/orders-integer-id.sql"), 2);
        String before = read("orders.schema.json");

        Engine.assertPassed(run(OrdersCase.class, "classpath:contract-runs/orders-text-id.sql",
                PgNotifications.CONTRACTS_PROPERTY_NAME, "update"), 2);

        assertThat(read("orders.schema.json")).isNotEqualTo(before);
        Engine.assertPassed(run(OrdersCase.class, "classpath:contract-runs/orders-text-id.sql"), 2);
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    @PgNotifications(channels = "orders")
    static class OrdersCase {
        @Test
        void insertsAnOrder(DataSource db) {
            exec(db, "INSERT INTO orders VALUES (7, 9.50)");
        }

        @Test
        void insertsNothing() {
        }
    }

    @Test
    void theSeedsUsersTriggerGetsAnObservedContractThatTheNextRunVerifies() throws IOException {
        Engine.assertPassed(run(SeedUsersCase.class, "examples/src/test/resources/seed-users.sql"), 1);

        ChannelContract users = contract("users");
        assertThat(users.origin()).isEqualTo(ChannelContract.Origin.OBSERVED);
        assertThat(properties(users)).containsKeys("action", "db_schema", "table", "record", "old", "timestamp");
        Engine.assertPassed(run(SeedUsersCase.class, "examples/src/test/resources/seed-users.sql"), 1);
    }

    @PgNotifications(channels = "users")
    static class SeedUsersCase {
        @Test
        void insertsUpdatesAndDeletesAUser(DataSource db) {
            exec(db, "INSERT INTO users VALUES ('42', 'Ada', 'Lovelace')",
                    "UPDATE users SET last_name = 'King' WHERE id = '42'", "DELETE FROM users WHERE id = '42'");
        }
    }

    @Test
    void springIntegrationsPlainTextNotificationsGetATextContract() throws IOException {
        Engine.assertPassed(run(SpringIntegrationCase.class, "classpath:contract-runs/int-channel-message.sql"), 1);

        ChannelContract contract = contract("int_channel_message_notify");
        assertThat(contract.origin()).isEqualTo(ChannelContract.Origin.OBSERVED);
        assertThat(contract.schema()).containsEntry("type", "string");
        Engine.assertPassed(run(SpringIntegrationCase.class, "classpath:contract-runs/int-channel-message.sql"), 1);
    }

    @PgNotifications(channels = "int_channel_message_notify")
    static class SpringIntegrationCase {
        @Test
        void storesAMessage(DataSource db) {
            exec(db, "INSERT INTO INT_CHANNEL_MESSAGE (MESSAGE_ID, GROUP_KEY, CREATED_DATE, REGION)"
                    + " VALUES ('5f1c1bd4-0a4e-4b8e-9c1f-2f0d1e7d9a01', 'c5a0c7e2-6a34-4f43-9a7e-0b1c2d3e4f50', 0,"
                    + " 'DEFAULT')");
        }
    }

    @Test
    void aPgDumpSchemaWithAPartitionedTableGetsACatalogContractThatTheNextRunVerifies() throws IOException {
        Engine.assertPassed(run(PartitionedCase.class, "classpath:real-schemas/pagila-like.sql"), 1);

        assertThat(contract("payment").origin()).isEqualTo(ChannelContract.Origin.CATALOG);
        Engine.assertPassed(run(PartitionedCase.class, "classpath:real-schemas/pagila-like.sql"), 1);
    }

    @PgNotifications(tables = {"payment", "actor"})
    static class PartitionedCase {
        @Test
        void paysAndActs(DataSource db) {
            exec(db, "INSERT INTO payment VALUES (101, 1, 7.50, '2022-03-16 15:30:00+05:30')");
        }
    }

    @Test
    void theAnnotationsFolderIsUsedWithoutTheSuiteParameter() throws IOException {
        Path annotated = Path.of(AnnotatedFolderCase.FOLDER);
        deleteRecursively(annotated);
        Map<String, String> configuration = new HashMap<>();
        configuration.put(ConfigKeys.CONTRACTS_RUN_ID, UUID.randomUUID().toString());
        configuration.put(ConfigKeys.CONTRACTS_CI_FOR_TESTS, "");
        configuration.put(PgNotifications.SCRIPTS_PROPERTY_NAME, ACCOUNTS_V1);

        Engine.assertPassed(Engine.run(AnnotatedFolderCase.class, configuration), 1);

        assertThat(annotated.resolve("accounts.schema.json")).isRegularFile();
        deleteRecursively(annotated);
    }

    @PgNotifications(tables = "accounts", contracts = AnnotatedFolderCase.FOLDER)
    static class AnnotatedFolderCase extends AccountsCase {
        static final String FOLDER = "target/contracts-test/annotated";
    }

    @Test
    void anUnknownModeFailsTheClassNamingTheValueAndTheAllowedOnes() {
        Throwable failure = Engine.firstFailure(run(AccountsCase.class, ACCOUNTS_V1,
                PgNotifications.CONTRACTS_PROPERTY_NAME, "sometimes"));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage("@PgNotifications on "
                + AccountsCase.class.getName() + ": configuration parameter pgnotifications.contracts is 'sometimes';"
                + " expected update or verify. Remove it to write missing contract files and verify the others (verify"
                + " only where the CI environment variable is set).");
    }

    @Test
    void anUnknownAdditiveValueFailsTheClassNamingTheValueAndTheAllowedOnes() {
        Throwable failure = Engine.firstFailure(run(AccountsCase.class, ACCOUNTS_V1,
                PgNotifications.CONTRACTS_ADDITIVE_PROPERTY_NAME, "allow"));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage("@PgNotifications on "
                + AccountsCase.class.getName() + ": configuration parameter pgnotifications.contracts.additive is"
                + " 'allow'; expected fail or pass. Remove it to fail on additive changes too (the default: fail).");
    }

    @Test
    void withContractsOffNothingIsWritten() throws IOException {
        Map<String, String> configuration = new HashMap<>();
        configuration.put(PgNotifications.SCRIPTS_PROPERTY_NAME, ACCOUNTS_V1);

        Engine.assertPassed(Engine.run(AccountsCase.class, configuration), 1);

        assertThat(files()).isEmpty();
    }

    /** One run of the suite: a run identity of its own, the folder as the suite parameter, no CI unless given. */
    private EngineExecutionResults run(Class<?> testClass, String scripts, String... more) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put(PgNotifications.CONTRACTS_FOLDER_PROPERTY_NAME, folder.toString());
        configuration.put(ConfigKeys.CONTRACTS_RUN_ID, UUID.randomUUID().toString());
        configuration.put(ConfigKeys.CONTRACTS_CI_FOR_TESTS, "");
        configuration.put(PgNotifications.SCRIPTS_PROPERTY_NAME, scripts);
        for (int i = 0; i < more.length; i += 2) {
            configuration.put(more[i], more[i + 1]);
        }
        return Engine.run(testClass, configuration);
    }

    private String read(String file) throws IOException {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }

    private ChannelContract contract(String channel) throws IOException {
        return ContractJson.read(channel, read(channel + ".schema.json"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(ChannelContract contract) {
        return (Map<String, Object>) contract.schema().get("properties");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.toList();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
