package io.github.pgnotifications.examples;

import static io.github.pgnotifications.ExpectedChange.delete;
import static io.github.pgnotifications.ExpectedChange.insert;
import static io.github.pgnotifications.ExpectedChange.update;
import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.PgNotificationsAssertions.assertThatTriggers;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The AssertJ assertions on a team's own trigger: the seed article's {@code users} table and its
 * {@code users_notify} trigger, created by {@code seed-users.sql} as the team's migration would. The library only
 * listens ({@code channels}); the first test checks the trigger by its definition in the catalog, the others by the
 * notifications it sends.
 */
@PgNotifications(channels = "users", scripts = "classpath:seed-users.sql")
@Timeout(30)
class AssertionsExampleTest {

    private final DataSource db;
    private final ChannelRecorder users;

    AssertionsExampleTest(DataSource db, NotificationRecorder recorder) {
        this.db = db;
        this.users = recorder.channel("users");
    }

    @Test
    void theTriggerIsDefinedAsTheMigrationSays() {
        assertThatTriggers(db).hasTrigger("users", "users_notify")
                .isAfter().firesOn("INSERT", "UPDATE", "DELETE").isRowLevel()
                .callsFunction("public.notify_trigger").isEnabled();
    }

    @Test
    void theTriggerReportsEachWriteInOrderAndNothingElse() throws SQLException {
        execute("INSERT INTO users VALUES ('ada', 'Ada', 'Lovelace')",
                "UPDATE users SET last_name = 'King' WHERE id = 'ada'",
                "DELETE FROM users WHERE id = 'ada'");

        assertThat(users).receivedInOrder(insert("ada"), update("ada"), delete("ada")).receivedNothingElse();
    }

    @Test
    void anUpdateCarriesTheOldAndTheNewRow() throws SQLException {
        execute("INSERT INTO users VALUES ('grace', 'Grace', 'Murray')",
                "UPDATE users SET last_name = 'Hopper' WHERE id = 'grace'");

        assertThat(users.awaitUpdate("grace"))
                .hasTable("users").hasSchema("public")
                .changed("last_name", "Murray", "Hopper")
                .hasChangedColumns("last_name")
                .hasRecordContaining("first_name", "Grace");
    }

    @Test
    void thePayloadHasTheSeedsShape() throws SQLException {
        execute("INSERT INTO users VALUES ('alan', 'Alan', 'Turing')");

        assertThat(users.awaitInsert("alan").notification())
                .hasChannel("users")
                .hasJsonValue("/action", "insert")
                .hasJsonValue("/db_schema", "public")
                .hasJsonValue("/record/last_name", "Turing")
                .hasJsonValue("/old", null)
                .payloadAs(SeedPayload.class)
                .isEqualTo(new SeedPayload("insert", "users", Map.of("id", "alan", "first_name", "Alan",
                        "last_name", "Turing")));
    }

    /** The seed's payload read into a type of the test's own; the properties it leaves out are ignored. */
    record SeedPayload(String action, String table, Map<String, Object> record) {
    }

    @Test
    void aFailingAssertionShowsBothValuesOfTheColumn() throws SQLException {
        execute("INSERT INTO users VALUES ('edsger', 'Edsger', 'Dijkstra')",
                "UPDATE users SET first_name = 'E.W.' WHERE id = 'edsger'");
        ChangeEvent renamed = users.awaitUpdate("edsger");

        // Fails, on purpose, with:
        //
        // Expecting UPDATE on public.users to change "first_name"
        //   from: "Edsger"
        //   to:   "Edsger W."
        // but the old row has "Edsger" and the new row has "E.W."
        assertThatThrownBy(() -> assertThat(renamed).changed("first_name", "Edsger", "Edsger W."))
                .hasMessage(String.format("%nExpecting UPDATE on public.users to change \"first_name\"%n"
                        + "  from: \"Edsger\"%n  to:   \"Edsger W.\"%n"
                        + "but the old row has \"Edsger\" and the new row has \"E.W.\""));
    }

    /** Runs each statement in autocommit, so each is committed, and notifies, on its own. */
    private void execute(String... statements) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
