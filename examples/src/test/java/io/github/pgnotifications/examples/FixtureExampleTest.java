package io.github.pgnotifications.examples;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a test sees starts with its test method: the row that the {@code @BeforeEach} method writes is committed and
 * notified like any other, and the extension forgets that notification before the test method runs, so the test
 * proves its own change and nothing else. The row itself stays in the table.
 */
@PgNotifications(tables = "users", scripts = "classpath:users.sql")
@Timeout(30)
class FixtureExampleTest {

    @BeforeEach
    void fixture(DataSource db) throws SQLException {
        new UserRepository(db).create(1, "Grace", "Hopper");   // not counted below
    }

    @Test
    void renameEmitsOnlyTheUpdate(NotificationRecorder recorder, DataSource db) throws SQLException {
        new UserRepository(db).rename(1, "Grace", "Murray Hopper");
        assertThat(recorder.channel("users")).receivedUpdate(1).receivedNothingElse();
    }
}
