package io.github.pgnotifications.internal.contracts;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.internal.json.JsonReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Contracts derived from the catalog of a database with the library's triggers installed. */
@Timeout(60)
@PgNotifications(tables = {"users", "accounts", "order_lines", "typed", "payment", "watched", "events",
        "audit.events"}, sensitiveColumns = "ssn",
        scripts = {"examples/src/test/resources/seed-users.sql",
                "classpath:contracts/spring-integration-messages.sql", "classpath:contracts/catalog.sql"})
class CatalogContractsTest {

    @Test
    void everyChannelWithTheLibrarysTriggerHasAContractAndPartitionsHaveNoneOfTheirOwn(DataSource db)
            throws SQLException {
        try (Connection connection = db.getConnection()) {
            SortedMap<String, ChannelContract> contracts = CatalogContracts.deriveAll(connection);

            assertThat(contracts.keySet()).containsExactly("accounts", "events", "order_lines", "payment", "typed",
                    "users", "watched");
            assertThat(contracts.values()).allMatch(c -> c.origin() == ChannelContract.Origin.CATALOG);
            assertThat(CatalogContracts.derive(connection, "int_channel_message_notify")).isEmpty();
            assertThat(CatalogContracts.derive(connection, "payment_p2022_02")).isEmpty();
        }
    }

    @Test
    void theSeedsUsersTableWithTheLibrarysTriggerHasTheEnvelopeItsTriggerSendsAndItsRow(DataSource db)
            throws SQLException {
        String file = ContractJson.write(contract(db, "users"));

        assertThat(file).startsWith("""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "users",
                  "description": "Change events of public.users, sent by pg-notifications' trigger. A change whose\
                 payload would be over PostgreSQL's 7999 bytes arrives with \\"truncated\\": true, its largest non-key\
                 columns (kept-out: oversized) left out of record and old and named in \\"omitted\\" (so those columns are not\
                 required).",
                  "x-pg-notifications": {
                    "origin": "catalog",
                    "tables": ["public.users"],
                    "actions": ["delete", "insert", "truncate", "update"],
                    "update-of": [],
                    "when": null,
                    "key": ["id"],
                    "kept-out": {
                      "first_name": "oversized",
                      "last_name": "oversized"
                    }
                  },
                  "type": "object",
                """);
        assertThat(file).endsWith("""
                  "required": ["action", "db_schema", "seq", "table", "timestamp"],
                  "additionalProperties": false,
                  "allOf": [
                    {
                      "if": {
                        "properties": {
                          "action": {
                            "enum": ["delete", "insert", "update"]
                          }
                        }
                      },
                      "then": {
                        "required": ["old", "record"]
                      }
                    }
                  ],
                  "$defs": {
                    "row": {
                      "type": "object",
                      "properties": {
                        "first_name": {
                          "type": "string",
                          "x-sql-type": "text",
                          "x-java-type": "java.lang.String"
                        },
                        "id": {
                          "type": "string",
                          "x-sql-type": "text",
                          "x-java-type": "java.lang.String"
                        },
                        "last_name": {
                          "type": "string",
                          "x-sql-type": "text",
                          "x-java-type": "java.lang.String"
                        }
                      },
                      "required": ["id"],
                      "additionalProperties": false
                    }
                  }
                }
                """);
        assertThat(List.copyOf(properties(contract(db, "users").schema()).keySet())).containsExactly("action",
                "db_schema", "old", "omitted", "partition", "record", "seq", "table", "timestamp", "truncated");
    }

    @Test
    void sensitiveColumnsAreKeptOutOfTheRowAndNamedSo(DataSource db) throws SQLException {
        Map<String, Object> schema = contract(db, "accounts").schema();

        assertThat(properties(at(schema, "$defs", "row")).keySet()).containsExactlyInAnyOrder("id", "owner");
        assertThat(at(schema, ContractJson.EXTENSION, "kept-out"))
                .isEqualTo(Map.of("ssn", "sensitive", "owner", "oversized"));
    }

    @Test
    void aNullableColumnAllowsNullAndANotNullOneDoesNot(DataSource db) throws SQLException {
        Map<String, Object> row = at(contract(db, "accounts").schema(), "$defs", "row");

        assertThat(at(row, "properties", "owner")).isEqualTo(column(List.of("string", "null"), "text",
                "java.lang.String"));
        assertThat(at(row, "properties", "id")).isEqualTo(column("integer", "bigint", "java.lang.Long"));
        assertThat(row.get("required")).as("owner may be left out of an oversized payload").isEqualTo(List.of("id"));
    }

    @Test
    void aCompositeKeyIsNamedInKeyOrder(DataSource db) throws SQLException {
        Map<String, Object> schema = contract(db, "order_lines").schema();

        assertThat(at(schema, ContractJson.EXTENSION).get("key")).isEqualTo(List.of("order_id", "line"));
        assertThat(at(schema, "$defs", "row", "properties", "line")).isEqualTo(column("integer", "smallint",
                "java.lang.Integer"));
        assertThat(at(schema, "$defs", "row", "properties", "note")).isEqualTo(column(List.of("string", "null"),
                "character varying(20)", "java.lang.String"));
    }

    @Test
    void eachColumnHasItsJsonSqlAndJavaType(DataSource db) throws SQLException {
        Map<String, Object> columns = at(contract(db, "typed").schema(), "$defs", "row", "properties");

        assertThat(at(columns, "id")).isEqualTo(Map.of("type", "string", "format", "uuid", "x-sql-type", "uuid",
                "x-java-type", "java.util.UUID"));
        assertThat(at(columns, "amount")).isEqualTo(Map.of("type", List.of("number", "string"),
                "pattern", "^(NaN|-?Infinity)$", "x-sql-type", "numeric(10,2)", "x-java-type", "java.math.BigDecimal"));
        assertThat(at(columns, "ratio")).isEqualTo(Map.of("type", List.of("number", "string", "null"),
                "pattern", "^(NaN|-?Infinity)$", "x-sql-type", "double precision", "x-java-type", "java.lang.Double"));
        assertThat(at(columns, "doc")).isEqualTo(Map.of("x-sql-type", "jsonb", "x-java-type", "java.lang.Object"));
        assertThat(at(columns, "at")).isEqualTo(Map.of("type", "string", "format", "date-time",
                "x-sql-type", "timestamp with time zone", "x-java-type", "java.time.OffsetDateTime"));
        assertThat(at(columns, "day")).isEqualTo(Map.of("type", List.of("string", "null"), "format", "date",
                "x-sql-type", "date", "x-java-type", "java.time.LocalDate"));
        assertThat(at(columns, "tags")).isEqualTo(Map.of("type", "array", "items",
                Map.of("type", List.of("string", "null")), "x-sql-type", "text[]",
                "x-java-type", "java.util.List<java.lang.String>"));
        assertThat(at(columns, "feeling")).isEqualTo(Map.of("type", List.of("string", "null"), "enum",
                Arrays.asList("sad", "ok", "happy", null), "x-sql-type", "public.mood", "x-java-type", "java.lang.String"));
        assertThat(at(columns, "flag")).isEqualTo(column("boolean", "boolean", "java.lang.Boolean"));
        assertThat(at(columns, "rank")).isEqualTo(column("integer", "public.positive", "java.lang.Integer"));
        assertThat(at(columns, "raw")).isEqualTo(column(List.of("string", "null"), "bytea", "byte[]"));
    }

    @Test
    void aPartitionedTablesContractIsTheParentsAndEveryRowChangeNamesItsPartition(DataSource db)
            throws SQLException {
        Map<String, Object> schema = contract(db, "payment").schema();

        assertThat(at(schema, ContractJson.EXTENSION).get("tables")).isEqualTo(List.of("public.payment"));
        assertThat(at(schema, ContractJson.EXTENSION).get("key")).isEqualTo(List.of("payment_date", "payment_id"));
        assertThat(at(schema, "properties", "partition")).isEqualTo(Map.of("type", "string"));
        assertThat(schema.get("allOf").toString()).contains("required=[old, partition, record]");
        assertThat((String) schema.get("description")).contains("\"partition\" names each row's");
    }

    @Test
    void severalTablesOnOneChannelEachHaveTheirRow(DataSource db) throws SQLException {
        Map<String, Object> schema = contract(db, "events").schema();

        assertThat(at(schema, ContractJson.EXTENSION)).isEqualTo(Map.of("origin", "catalog", "tables",
                List.of("audit.events", "public.events")));
        assertThat(at(schema, "properties", "db_schema")).isEqualTo(Map.of("enum", List.of("audit", "public")));
        assertThat(at(schema, "properties", "record")).isEqualTo(Map.of("anyOf", List.of(
                Map.of("$ref", "#/$defs/row-1"), Map.of("$ref", "#/$defs/row-2"))));
        assertThat(at(schema, "$defs", "row-1", ContractJson.EXTENSION).get("table")).isEqualTo("audit.events");
        assertThat(at(schema, "$defs", "row-2", "properties", "id").get("x-sql-type")).isEqualTo("integer");
    }

    @Test
    void updateOfColumnsWhenConditionsAndDisabledTriggersAreReadFromTheCatalog(DataSource db)
            throws SQLException {
        exec(db, "DROP TRIGGER pgnotifications_change ON watched",
                "CREATE TRIGGER pgnotifications_change AFTER UPDATE OF status, note ON watched FOR EACH ROW"
                        + " WHEN (OLD.status IS DISTINCT FROM NEW.status)"
                        + " EXECUTE PROCEDURE pgnotifications.notify_change('watched', 'public', 'watched', '1', 'id')",
                "ALTER TABLE watched DISABLE TRIGGER pgnotifications_truncate");

        Map<String, Object> extension = at(contract(db, "watched").schema(), ContractJson.EXTENSION);

        assertThat(extension.get("actions")).isEqualTo(List.of("update"));
        assertThat(extension.get("update-of")).isEqualTo(List.of("note", "status"));
        assertThat(extension.get("when")).isEqualTo("old.status IS DISTINCT FROM new.status");
    }

    @Test
    void twoDerivationsWriteTheSameBytes(DataSource db) throws SQLException {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        try (Connection connection = db.getConnection()) {
            CatalogContracts.deriveAll(connection).values().forEach(c -> first.add(ContractJson.write(c)));
        }
        try (Connection connection = db.getConnection()) {
            CatalogContracts.deriveAll(connection).values().forEach(c -> second.add(ContractJson.write(c)));
        }

        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(file -> assertThat(file).endsWith("}\n").doesNotContain("\r"));
    }

    @Test
    void whatTheTriggerSendsFitsTheDerivedContract(NotificationRecorder recorder, DataSource db)
            throws Exception {
        exec(db, "INSERT INTO accounts VALUES (1, null, 's')", "UPDATE accounts SET owner = 'o' WHERE id = 1",
                "DELETE FROM accounts WHERE id = 1", "TRUNCATE accounts",
                "INSERT INTO order_lines VALUES (1, 2, 'n')",
                "INSERT INTO typed VALUES ('6f1b0a55-1111-4111-8111-111111111111', 1.50, 2.5, '{\"a\": [1]}', now(),"
                        + " '2020-01-01', '{a,NULL}', 'ok', true, 3, '\\x01')",
                "INSERT INTO typed VALUES ('6f1b0a55-1111-4111-8111-111111111112', 1, null, null, now(), null, '{}',"
                        + " null, false, 4, null)",
                "INSERT INTO payment VALUES (1, 2.50, '2022-02-15 10:00:00+00')",
                "UPDATE payment SET payment_date = '2022-03-15 10:00:00+00'", "TRUNCATE payment",
                "INSERT INTO events VALUES (1, 'a')", "INSERT INTO audit.events VALUES (1, null, now())");
        recorder.sync();

        List<Notification> sent = recorder.notifications();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(12);
        for (Notification notification : sent) {
            Map<String, Object> schema = contract(db, notification.channel()).schema();
            assertThat(SchemaCheck.violations(schema, JsonReader.parse(notification.payload())))
                    .as(notification.payload()).isEmpty();
        }
    }

    @Test
    void theSeedsOwnTriggerOnTheSameChannelSendsWhatTheLibrarysContractDoesNotAllow(NotificationRecorder recorder,
                                                                                DataSource db) throws Exception {
        exec(db, "INSERT INTO users VALUES ('7', 'a', 'b')");
        recorder.sync();

        Map<String, Object> schema = contract(db, "users").schema();
        List<List<String>> violations = new ArrayList<>();
        for (Notification notification : recorder.channel("users").notifications()) {
            violations.add(SchemaCheck.violations(schema, JsonReader.parse(notification.payload())));
        }

        assertThat(violations).containsExactlyInAnyOrder(List.of(), List.of("/seq: required, missing"));
    }

    private static ChannelContract contract(DataSource db, String channel) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return CatalogContracts.derive(connection, channel).orElseThrow();
        }
    }

    private static Map<String, Object> column(Object type, String sqlType, String javaType) {
        return Map.of("type", type, "x-sql-type", sqlType, "x-java-type", javaType);
    }

    private static Map<String, Object> properties(Map<String, Object> schema) {
        return at(schema, "properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> schema, String... path) {
        Map<String, Object> node = schema;
        for (String step : path) {
            node = (Map<String, Object>) node.get(step);
        }
        return node;
    }
}
