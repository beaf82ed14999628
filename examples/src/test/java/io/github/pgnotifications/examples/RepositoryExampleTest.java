package io.github.pgnotifications.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Testing application code through the changes it commits: {@link UserRepository} is called as the application would
 * call it, and each test awaits the insert, update or delete it should cause, including one committed later by a
 * background thread. The {@link DataSource} is injected into the constructor; every test gets the same database, so
 * each uses ids of its own.
 */
@PgNotifications(tables = "users", scripts = "classpath:users.sql")
@Timeout(30)
class RepositoryExampleTest {

    private final UserRepository users;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    RepositoryExampleTest(DataSource db) {
        this.users = new UserRepository(db);
    }

    @AfterEach
    void stopBackgroundThread() {
        background.shutdownNow();
    }

    @Test
    void createIsRecordedAsAnInsert(NotificationRecorder recorder) throws SQLException {
        users.create(1, "Ada", "Lovelace");

        ChangeEvent inserted = recorder.channel("users").awaitInsert(1);

        assertThat(inserted.record()).containsEntry("first_name", "Ada").containsEntry("last_name", "Lovelace");
    }

    @Test
    void renameIsRecordedWithTheOldRowAndTheNewOne(NotificationRecorder recorder) throws SQLException {
        users.create(2, "Augusta", "Byron");
        users.rename(2, "Augusta", "King");

        ChangeEvent renamed = recorder.channel("users").awaitUpdate(2);

        assertThat(renamed.old()).containsEntry("last_name", "Byron");
        assertThat(renamed.record()).containsEntry("last_name", "King");
    }

    @Test
    void awaitWakesWhenAnotherThreadCommitsLater(NotificationRecorder recorder) throws SQLException {
        users.create(3, "Grace", "Hopper");
        Thread testThread = Thread.currentThread();
        Future<?> deletion = background.submit(() -> {
            untilWaiting(testThread);
            users.delete(3);
            return null;
        });

        // A background job may take longer than the default 5 seconds: give this await more time.
        ChangeEvent deleted = recorder.channel("users").within(Duration.ofSeconds(10)).awaitDelete(3);

        assertThat(deleted.record()).containsEntry("first_name", "Grace");
        assertThat(deletion).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void awaitThatTimesOutListsWhatDidArrive(NotificationRecorder recorder) throws SQLException {
        users.create(4, "Alan", "Turing");
        ChannelRecorder channel = recorder.channel("users");
        channel.awaitInsert(4);

        assertThatThrownBy(() -> channel.within(Duration.ofMillis(300)).awaitUpdate(4))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for UPDATE id=4 on channel 'users'")
                .hasMessageContaining("INSERT id=4");
    }

    /**
     * Returns once the thread is parked in a timed wait, here the recorder's await, so that the write is committed
     * while the test is already waiting for it rather than before.
     */
    private static void untilWaiting(Thread thread) {
        await("the test thread to wait").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1))
                .until(() -> thread.getState() == Thread.State.TIMED_WAITING);
    }
}
