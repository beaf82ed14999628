package io.github.pgnotifications.contracts;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.PgNotificationsSession;
import io.github.pgnotifications.internal.ConfigKeys;
import io.github.pgnotifications.internal.contracts.ChannelContract;
import io.github.pgnotifications.internal.contracts.ContractJson;
import io.github.pgnotifications.internal.contracts.ObservedShapes;
import io.github.pgnotifications.support.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Contracts where there is no plain JUnit class: a {@code PgNotificationsSession} (TestNG, Cucumber, plain Java) and
 * a Spring Boot class whose application owns the database. Each starts from a committed contract of the custom
 * {@code orders} trigger that says the id is an integer, so both behave alike with or without {@code CI} set.
 */
@Timeout(180)
class ContractsBeyondPlainClassesTest {

    @TempDir
    Path folder;

    @Test
    void aSessionChecksThePayloadsSinceTheLastCheckWhenAsked() throws IOException {
        commitOrdersContractWithIntegerId();

        try (PgNotificationsSession session = PgNotificationsSession.builder().channels("orders")
                .scripts("classpath:contract-runs/orders-text-id.sql").contracts(folder.toString()).start()) {
            session.checkContracts();
            exec(session.dataSource(), "INSERT INTO orders VALUES (7, 9.50)");

            assertThatThrownBy(session::checkContracts).isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("'orders'").hasMessageContaining("/id").hasMessageContaining("\"7\"");
            session.checkContracts();
        }
    }

    @Test
    void aSpringBootClassGetsItsCatalogContractWrittenAndItsCustomTriggersPayloadsChecked() throws IOException {
        commitOrdersContractWithIntegerId();

        EngineExecutionResults results = Engine.run(SpringCase.class, Map.of(
                PgNotifications.CONTRACTS_FOLDER_PROPERTY_NAME, folder.toString(),
                ConfigKeys.CONTRACTS_RUN_ID, UUID.randomUUID().toString(),
                ConfigKeys.CONTRACTS_CI_FOR_TESTS, ""));

        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getTestDescriptor().getDisplayName()).startsWith("insertsAnOrder");
        assertThat(Engine.firstFailure(results)).hasMessageContaining("/id");
        assertThat(folder.resolve("accounts.schema.json")).isRegularFile();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    @SpringBootTest(classes = Application.class, properties = {"spring.flyway.enabled=false",
            "spring.liquibase.enabled=false", "spring.main.banner-mode=off"})
    @PgNotifications(tables = "accounts", channels = "orders",
            scripts = {"classpath:contract-runs/accounts-v1.sql", "classpath:contract-runs/orders-text-id.sql"})
    static class SpringCase {
        @Autowired
        DataSource applicationDataSource;

        @Test
        void insertsAnAccount() {
            exec(applicationDataSource, "INSERT INTO accounts (id, owner) VALUES (1, 'ada')");
        }

        @Test
        void insertsAnOrder() {
            exec(applicationDataSource, "INSERT INTO orders VALUES (7, 9.50)");
        }
    }

    private void commitOrdersContractWithIntegerId() throws IOException {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe("orders", "{\"id\": 7, \"total\": 9.50}");
        ChannelContract contract = shapes.contractOf("orders").orElseThrow();
        Files.writeString(folder.resolve("orders.schema.json"), ContractJson.write(contract), StandardCharsets.UTF_8);
    }
}
