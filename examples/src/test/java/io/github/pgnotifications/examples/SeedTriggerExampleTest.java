package io.github.pgnotifications.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Testing a trigger the team already has: the seed article's {@code users} table and its {@code notify_trigger()},
 * created by {@code seed-users.sql}. The library installs no trigger here ({@code channels}, not {@code tables}); it
 * only listens on {@code users}. The seed's payload has the shape the library reads, so the awaits work unchanged,
 * and the table's {@code id} column (it has no primary key) identifies the rows.
 */
@PgNotifications(channels = "users", scripts = "classpath:seed-users.sql")
class SeedTriggerExampleTest {

    @Test
    void insertIsReportedWithTheNewRow(NotificationRecorder recorder, DataSource db) throws SQLException {
        execute(db, "INSERT INTO users VALUES ('ada', 'Ada', 'Lovelace')");

        ChangeEvent inserted = recorder.channel("users").awaitInsert("ada");

        assertThat(inserted.record()).isEqualTo(Map.of("id", "ada", "first_name", "Ada", "last_name", "Lovelace"));
        assertThat(inserted.schema()).isEqualTo("public");
        assertThat(inserted.table()).isEqualTo("users");
        assertThat(inserted.timestamp()).isNotNull();
    }

    @Test
    void updateIsReportedWithTheNewRowAndTheOldOne(NotificationRecorder recorder, DataSource db) throws SQLException {
        execute(db, "INSERT INTO users VALUES ('grace', 'Grace', 'Murray')",
                "UPDATE users SET last_name = 'Hopper' WHERE id = 'grace'");

        ChangeEvent updated = recorder.channel("users").awaitUpdate("grace");

        assertThat(updated.record()).containsEntry("last_name", "Hopper");
        assertThat(updated.old()).containsEntry("last_name", "Murray");
    }

    @Test
    void deleteIsReportedWithTheDeletedRow(NotificationRecorder recorder, DataSource db) throws SQLException {
        execute(db, "INSERT INTO users VALUES ('alan', 'Alan', 'Turing')", "DELETE FROM users WHERE id = 'alan'");

        ChangeEvent deleted = recorder.channel("users").awaitDelete("alan");

        assertThat(deleted.record()).containsEntry("first_name", "Alan");
        assertThat(deleted.old()).isEmpty();
    }

    /** Runs each statement in autocommit, so each is committed, and notifies, on its own. */
    private static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
