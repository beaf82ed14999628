package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@PgNotifications(tables = "users", scripts = "classpath:users.sql")
class SmokeTest {

    @Test
    void insertIsRecorded(NotificationRecorder recorder, DataSource db) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users VALUES (42, 'Ada', 'Lovelace')");
        }
        ChangeEvent event = recorder.channel("users").awaitInsert("42");
        System.err.println("latency ms " + (System.nanoTime() - t0) / 1e6);
        assertThat(event.record()).containsEntry("first_name", "Ada");
        assertThat(event.old()).isEmpty();
        long t1 = System.nanoTime();
        recorder.sync();
        System.err.println("sync ms " + (System.nanoTime() - t1) / 1e6);
    }
}
