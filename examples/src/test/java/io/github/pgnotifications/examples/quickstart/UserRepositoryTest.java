package io.github.pgnotifications.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's quick start, word for word: the test a team writes first. */
@PgNotifications(tables = "users", scripts = "classpath:schema.sql")
class UserRepositoryTest {
    @Test
    void createEmitsInsert(NotificationRecorder recorder, DataSource db) {
        new UserRepository(db).create("42", "Ada", "Lovelace");
        ChangeEvent event = recorder.channel("users").awaitInsert("42");
        assertThat(event.record()).containsEntry("first_name", "Ada");
    }
}
