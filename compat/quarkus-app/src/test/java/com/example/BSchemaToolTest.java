package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.PgNotifications;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Which of the application's schema tools built the schema the triggers went on: its Flyway (surefire's default-test
 * execution) or, with Flyway off, Hibernate ORM's schema management (the hibernate-schema execution).
 */
@QuarkusTest
@PgNotifications(tables = "accounts")
class BSchemaToolTest {

    @ConfigProperty(name = "quarkus.flyway.migrate-at-start")
    boolean flywayMigratesAtStart;

    @Test
    void theSchemaComesFromTheToolTheApplicationIsConfiguredWith(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT to_regclass('flyway_schema_history') IS NOT NULL, to_regclass('accounts') IS NOT NULL")) {
            tables.next();
            assertThat(tables.getBoolean(1)).as("Flyway's history table").isEqualTo(flywayMigratesAtStart);
            assertThat(tables.getBoolean(2)).as("the accounts table").isTrue();
        }
    }
}
