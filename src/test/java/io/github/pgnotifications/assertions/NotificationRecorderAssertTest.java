package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.PgNotificationsException;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/** {@code assertThat(recorder)}: absence over every listened channel at once. */
@Timeout(30)
@PgNotifications(tables = "users", channels = "jobs", scripts = "classpath:assertions/changes.sql")
class NotificationRecorderAssertTest {

    private final NotificationRecorder recorder;
    private final DataSource db;

    NotificationRecorderAssertTest(NotificationRecorder recorder, DataSource db) {
        this.recorder = recorder;
        this.db = db;
    }

    @Test
    void receivedNothingPassesWhenARolledBackTransactionTouchedEveryChannel() throws Exception {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO users VALUES (1, 'Ada', 'Lovelace', 36)");
            statement.execute("NOTIFY jobs, 'started'");
            connection.rollback();
        }

        assertThat(recorder).receivedNothing().receivedNothingElse();
    }

    @Test
    void receivedNothingListsWhatArrivedChannelByChannel() {
        exec(db, "INSERT INTO users VALUES (2, 'Alan', 'Turing', 41)", "NOTIFY jobs, 'started'");

        assertThatThrownBy(() -> assertThat(recorder).as("the rollback").receivedNothing())
                .isInstanceOf(AssertionFailedError.class)
                .message().matches("\\[the rollback\\] Expected nothing on any listened channel since the test"
                        + " started, but 2 arrived:\n"
                        + "  on 'users' \\(1\\):\n"
                        + "    \\+\\d+ms INSERT id=2\n"
                        + "  on 'jobs' \\(1\\):\n"
                        + "    \\+\\d+ms not a change event: \"started\"");
    }

    @Test
    void receivedNothingElseCountsOnlyWhatNoAwaitReturned() {
        exec(db, "INSERT INTO users VALUES (3, 'Grace', 'Hopper', 85)", "NOTIFY jobs, 'done'");
        recorder.channel("users").awaitInsert(3);

        assertThatThrownBy(() -> assertThat(recorder).receivedNothingElse())
                .message().matches("Expected nothing else on any listened channel since the test started, but 1"
                        + " arrived:\n  on 'jobs' \\(1\\):\n    \\+\\d+ms not a change event: \"done\"");
        recorder.channel("jobs").awaitPayload("done");
        assertThat(recorder).receivedNothingElse();
    }

    @Test
    void receivedNothingCannotBeProvenWhileAWriteToAWatchedTableIsUncommitted() throws Exception {
        try (Connection open = db.getConnection(); Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("INSERT INTO users VALUES (4, 'Edsger', 'Dijkstra', 72)");

            assertThatThrownBy(() -> assertThat(recorder).receivedNothing())
                    .isInstanceOf(PgNotificationsException.class)
                    .hasMessageStartingWith("Cannot prove nothing arrived on any listened channel: a transaction that"
                            + " wrote to its table(s) is still open:\n  session ");
            open.rollback();
        }
    }
}
