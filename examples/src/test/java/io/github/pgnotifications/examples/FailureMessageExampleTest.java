package io.github.pgnotifications.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The messages of the README's "When an await fails", as the awaits give them: what was awaited, what arrived on the
 * channel since the test started (each line with its time after the start, written {@code +Nms} below because it
 * varies), and the near misses.
 */
@PgNotifications(tables = "users", scripts = "classpath:users.sql")
@Timeout(30)
class FailureMessageExampleTest {

    @Test
    void anAwaitForTheWrongActionListsWhatArrivedAndTheNearMiss(NotificationRecorder recorder, DataSource db)
            throws SQLException {
        new UserRepository(db).create(4, "Ada", "Lovelace");

        Throwable failure = catchThrowable(() -> recorder.channel("users").within(Duration.ofMillis(300))
                .awaitUpdate(4));

        assertThat(failure.getMessage().replaceAll("\\+\\d+ms", "+Nms")).isEqualTo("""
                Timed out after 300ms waiting for UPDATE id=4 on channel 'users'.
                Received on 'users' since the test started (1):
                  +Nms INSERT id=4
                Near misses:
                  the same key arrived as INSERT, not UPDATE""");
    }

    @Test
    void anAwaitWhenNothingArrivedAsksWhetherTheWriteWasCommitted(NotificationRecorder recorder) {
        Throwable failure = catchThrowable(() -> recorder.channel("users").within(Duration.ofMillis(300))
                .awaitInsert(42));

        assertThat(failure).hasMessage("""
                Timed out after 300ms waiting for INSERT id=42 on channel 'users'.
                Nothing arrived on 'users' since the test started. Was the write committed? A transaction that is \
                still open, or rolled back (as a Spring @Transactional or a Quarkus @TestTransaction test is), sends \
                no notification.""");
    }
}
