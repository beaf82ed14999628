package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pgnotifications.support.Sql;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the installed trigger sends, and that it never makes the application's write fail. */
@Timeout(30)
@PgNotifications(tables = {"documents", "Sales Dept.Big \"Orders\" ü", InstalledTriggerTest.LONG_1,
        InstalledTriggerTest.LONG_2}, scripts = "classpath:payloads.sql")
class InstalledTriggerTest {

    static final String LONG_1 = "long_table_name_with_a_common_prefix_that_fills_all_63_bytes_1";
    static final String LONG_2 = "long_table_name_with_a_common_prefix_that_fills_all_63_bytes_2";

    @Test
    void tablesWithLongNamesThatShareAPrefixKeepTheirOwnTriggersAndChannels(NotificationRecorder recorder,
                                                                           DataSource db) {
        exec(db, "INSERT INTO " + LONG_1 + " VALUES (1)", "INSERT INTO " + LONG_2 + " VALUES (2)");

        assertThat(recorder.channel(LONG_1).awaitInsert(1).table()).isEqualTo(LONG_1);
        assertThat(recorder.channel(LONG_2).awaitInsert(2).table()).isEqualTo(LONG_2);
        recorder.channel(LONG_1).assertNothingElse();
        recorder.channel(LONG_2).assertNothingElse();
    }

    @Test
    void thePayloadHasTheSeedsShape(NotificationRecorder recorder, DataSource db) throws Exception {
        exec(db, "INSERT INTO documents VALUES (1, 'hello')");

        String payload = recorder.channel("documents").awaitInsert(1).notification().payload();

        JsonNode json = new ObjectMapper().readTree(payload);
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("timestamp", "action", "db_schema", "table", "record", "old", "seq");
        assertThat(json.get("action").asText()).isEqualTo("insert");
        assertThat(json.get("old").isNull()).isTrue();
    }

    @Test
    void aRowTooLargeForANotificationIsSentWithoutItsLargestColumnsAndTheWriteSucceeds(NotificationRecorder recorder,
                                                                            DataSource db) {
        // 4,500 two-byte characters: 9,000 bytes, over the limit although fewer than 7,999 characters. The update
        // of a row that fits on its own carries the row twice (record and old) and goes over too.
        exec(db, "INSERT INTO documents VALUES (2, repeat('é', 4500))",
                "INSERT INTO documents VALUES (3, repeat('ü', 3000))",
                "UPDATE documents SET body = repeat('ö', 3000) WHERE id = 3");

        ChangeEvent insert = recorder.channel("documents").awaitInsert(2);
        ChangeEvent update = recorder.channel("documents").awaitUpdate(3);

        assertThat(insert.truncated()).isTrue();
        assertThat(insert.omittedColumns()).containsExactly("body");
        assertThat(insert.record()).containsOnlyKeys("id");
        assertThat(update.truncated()).isTrue();
        assertThat(update.old()).containsOnlyKeys("id").containsEntry("id", 3);
        assertThat(recorder.channel("documents").awaitInsert(3).truncated()).isFalse();
        assertThat(Sql.column(db, "SELECT length(body) FROM documents ORDER BY id")).containsExactly("4500", "3000");
    }

    @Test
    void aTableWithSpacesCapitalsQuotesAndNonAsciiInAnotherSchemaWorks(NotificationRecorder recorder,
                                                                      DataSource db) {
        exec(db, "INSERT INTO \"Sales Dept\".\"Big \"\"Orders\"\" ü\" VALUES (7, 'n')");

        ChangeEvent event = recorder.channel("Big \"Orders\" ü").awaitInsert(7);

        assertThat(event.schema()).isEqualTo("Sales Dept");
        assertThat(event.record()).containsEntry("Order Id", 7);
    }

    @Test
    void oneSharedFunctionServesEveryTableWithATriggerPerTable(DataSource db) {
        assertThat(Sql.column(db, "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = 'pgnotifications' ORDER BY 1"))
                .containsExactly("compact", "notify_change", "notify_change_redacted", "notify_partition_change",
                        "notify_partition_change_redacted", "notify_truncate", "with_partition", "without");
        for (String trigger : List.of("pgnotifications_change", "pgnotifications_truncate")) {
            assertThat(Sql.column(db, "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = ? ORDER BY 1",
                    trigger)).isEqualTo(List.of("\"Sales Dept\".\"Big \"\"Orders\"\" ü\"", "documents", LONG_1,
                    LONG_2));
        }
    }
}
