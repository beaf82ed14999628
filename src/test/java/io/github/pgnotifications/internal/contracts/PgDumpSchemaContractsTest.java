package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Contracts of a schema in pg_dump's form: enums, domains, arrays, a partitioned table attached as pg_dump does. */
@Timeout(60)
@PgNotifications(tables = {"actor", "film", "payment", "int_channel_message"},
        scripts = {"classpath:real-schemas/pagila-like.sql", "classpath:real-schemas/seed.sql"})
class PgDumpSchemaContractsTest {

    @Test
    void thePartitionedTablesContractIsItsOwnAndItsAttachedPartitionsHaveNone(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection()) {
            assertThat(CatalogContracts.deriveAll(connection).keySet()).containsExactly("actor", "film",
                    "int_channel_message", "payment");
            Map<String, Object> payment = CatalogContracts.derive(connection, "payment").orElseThrow().schema();

            assertThat(((Map<?, ?>) payment.get(ContractJson.EXTENSION)).get("key"))
                    .isEqualTo(List.of("payment_date", "payment_id"));
            assertThat(((Map<?, ?>) payment.get("properties")).get("partition")).isEqualTo(Map.of("type", "string"));
        }
    }

    @Test
    void theContractsAreTheSameBytesWhateverTheSessionsSearchPath(DataSource db) throws SQLException {
        String usual;
        String emptied;
        try (Connection connection = db.getConnection()) {
            usual = ContractJson.write(CatalogContracts.derive(connection, "film").orElseThrow());
        }
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_catalog.set_config('search_path', '', false)");
            emptied = ContractJson.write(CatalogContracts.derive(connection, "film").orElseThrow());
            statement.execute("RESET search_path");
        }

        assertThat(emptied).isEqualTo(usual);
        assertThat(usual).contains("\"x-sql-type\": \"public.mpaa_rating\"", "\"x-sql-type\": \"public.year\"",
                "\"enum\": [\"G\", \"PG\", \"PG-13\", \"R\", \"NC-17\", null]", "\"x-sql-type\": \"text[]\"",
                "\"x-sql-type\": \"timestamp without time zone\"", "\"x-java-type\": \"java.time.LocalDateTime\"",
                "\"x-sql-type\": \"tsvector\"");
    }
}
