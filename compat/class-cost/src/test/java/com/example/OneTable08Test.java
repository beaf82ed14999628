package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@PgNotifications(tables = "items", scripts = "classpath:items.sql")
class OneTable08Test {

    // Every class has a database of its own, cloned from the same template: the first row is id 1 in each.
    @Test
    void insertIsRecorded(NotificationRecorder recorder, DataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO items (name) VALUES ('item 08')");
        }

        assertThat(recorder.channel("items").awaitInsert(1).record()).containsEntry("name", "item 08");
        recorder.channel("items").assertNothingElse();
    }
}
