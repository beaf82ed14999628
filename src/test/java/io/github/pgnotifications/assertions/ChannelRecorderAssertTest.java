package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.ExpectedChange.delete;
import static io.github.pgnotifications.ExpectedChange.insert;
import static io.github.pgnotifications.ExpectedChange.update;
import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.time.Duration;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
@PgNotifications(tables = "users", channels = "jobs", scripts = "classpath:assertions/changes.sql")
class ChannelRecorderAssertTest {

    private static final String ADA = "INSERT INTO users VALUES (1, 'Ada', 'Lovelace', 36)";
    private static final String ALAN = "INSERT INTO users VALUES (2, 'Alan', 'Turing', 41)";
    private static final String ADA_ROW = "{\"age\"=36, \"first_name\"=\"Ada\", \"id\"=1L, \"last_name\"=\"Lovelace\"}";

    private final ChannelRecorder users;
    private final ChannelRecorder jobs;
    private final DataSource db;

    ChannelRecorderAssertTest(NotificationRecorder recorder, DataSource db) {
        this.users = recorder.channel("users");
        this.jobs = recorder.channel("jobs");
        this.db = db;
    }

    /** Every test starts from an empty table; TRUNCATE fires no row trigger, so it sends nothing. */
    @BeforeEach
    void emptyTable() {
        exec(db, "TRUNCATE users");
    }

    @Test
    void receivedInsertUpdateAndDeleteWaitForTheChangeAndChain() {
        exec(db, ADA, "UPDATE users SET age = 37 WHERE id = 1", "DELETE FROM users WHERE id = 1");

        assertThat(users).receivedInsert(1).receivedUpdate(1L).receivedDelete("1").receivedNothingElse();
    }

    @Test
    void everyFailureCarriesTheAssertionsDescription() {
        ChannelRecorder briefly = users.within(Duration.ofMillis(50));
        exec(db, ADA);

        assertThatThrownBy(() -> assertThat(briefly).as("the sign-up").receivedInsert(2))
                .hasMessageStartingWith("[the sign-up] Timed out after 50ms waiting for INSERT id=2 on channel"
                        + " 'users'.");
        assertThatThrownBy(() -> assertThat(briefly).as("the sign-up").receivedInOrder(delete(1)))
                .hasMessageStartingWith("[the sign-up] Timed out after 50ms waiting for DELETE id=1 (in this order)");
        assertThatThrownBy(() -> assertThat(briefly).as("the sign-up").receivedNothing())
                .hasMessageStartingWith("[the sign-up] Expected nothing on channel 'users'");
        assertThatThrownBy(() -> assertThat(briefly).as("the sign-up").receivedExactly(0))
                .hasMessageStartingWith("[the sign-up] %nExpecting channel 'users' to have received exactly 0".formatted());
        assertThatThrownBy(() -> assertThat(briefly).as("the sign-up").receivedExactly(2))
                .hasMessageStartingWith("[the sign-up] Timed out after 50ms waiting for 2 notification(s)");
        assertThat(briefly).as("the sign-up").receivedInsert(1);
        assertThat(briefly).as("the sign-up").receivedExactly(1).receivedNothingElse();
    }

    @Test
    void aFailedWaitThrowsTheLibrarysOwnFailureUnchanged() {
        exec(db, "INSERT INTO users VALUES (41, 'Ada', 'Lovelace', 36)");
        users.awaitNext(1);

        assertThatThrownBy(() -> assertThat(users.within(Duration.ofMillis(100))).receivedInsert(42))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Timed out after 100ms waiting for INSERT id=42 on channel 'users'.\n"
                        + "Received on 'users' since the test started (1):\n  +")
                .hasMessageContaining("ms INSERT id=41\n");
    }

    @Test
    void receivedInOrderAllowsOtherChangesInBetween() {
        exec(db, ADA, ALAN, "UPDATE users SET age = 37 WHERE id = 1", "DELETE FROM users WHERE id = 1");

        assertThat(users).receivedInOrder(insert(1), update(1), delete(1));
    }

    @Test
    void receivedInOrderFailsWithTheLibrarysMessageWhenTheOrderDiffers() {
        exec(db, ADA, "DELETE FROM users WHERE id = 1");

        assertThatThrownBy(() -> assertThat(users.within(Duration.ofMillis(100))).receivedInOrder(delete(1), insert(1)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Timed out after 100ms waiting for DELETE id=1, then INSERT id=1 (in this"
                        + " order) on channel 'users'.");
    }

    @Test
    void receivedExactlyPassesWhenTheCountIsReachedAndNothingMoreWasCommitted() {
        exec(db, ADA, ALAN);

        assertThat(users).receivedExactly(2).receivedNothingElse();
    }

    @Test
    void receivedExactlyCountsWhatWasCommittedEvenWhenItHadNotArrivedYet() {
        exec(db, ADA, ALAN, "INSERT INTO users VALUES (3, 'Grace', 'Hopper', NULL)");

        assertThatThrownBy(() -> assertThat(users).receivedExactly(2))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
                    Assertions.assertThat(failure.getExpected().getValue()).isEqualTo(2);
                    Assertions.assertThat(failure.getActual().getValue()).isEqualTo(3);
                })
                .hasMessage(String.format("%nExpecting channel 'users' to have received exactly 2 notifications but"
                        + " received 3:%n"
                        + "  INSERT %s%n"
                        + "  INSERT {\"age\"=41, \"first_name\"=\"Alan\", \"id\"=2L, \"last_name\"=\"Turing\"}%n"
                        + "  INSERT {\"age\"=null, \"first_name\"=\"Grace\", \"id\"=3L, \"last_name\"=\"Hopper\"}",
                        ADA_ROW));
    }

    @Test
    void receivedExactlyCountsNotificationsThatAreNotChangeEvents() {
        exec(db, "NOTIFY jobs, 'job 7 done'");

        assertThat(jobs).receivedExactly(1);
        exec(db, "NOTIFY jobs, 'job 8 done'");
        assertThatThrownBy(() -> assertThat(jobs).receivedExactly(1))
                .hasMessage(String.format("%nExpecting channel 'jobs' to have received exactly 1 notification but"
                        + " received 2:%n  not a change event: \"job 7 done\"%n  not a change event: \"job 8 done\""));
    }

    @Test
    void aLongListShowsTheNewestThirtyAsTheLibrarysTimelinesDo() {
        exec(db, "SELECT pg_notify('jobs', 'job ' || g) FROM generate_series(1, 35) AS g");

        String failure = catchThrowable(() -> assertThat(jobs).receivedExactly(1)).getMessage();

        Assertions.assertThat(failure).startsWith(String.format("%nExpecting channel 'jobs' to have received exactly"
                        + " 1 notification but received 35:%n  ... 5 earlier%n  not a change event: \"job 6\"%n"))
                .endsWith("not a change event: \"job 35\"")
                .hasLineCount(33);
    }

    @Test
    void receivedExactlyFailsWithTheLibrarysMessageWhenTooFewArrive() {
        exec(db, ADA);

        assertThatThrownBy(() -> assertThat(users.within(Duration.ofMillis(100))).receivedExactly(2))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Timed out after 100ms waiting for 2 notification(s) on channel 'users'.");
    }

    @Test
    void receivedExactlyZeroIsNothingAtAll() {
        assertThat(users).receivedExactly(0);

        exec(db, ADA);
        assertThatThrownBy(() -> assertThat(users).receivedExactly(0))
                .hasMessage(String.format("%nExpecting channel 'users' to have received exactly 0 notifications but"
                        + " received 1:%n  INSERT %s", ADA_ROW));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> assertThat(users).receivedExactly(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receivedExactly(-1): the count must be zero or more, e.g. receivedExactly(2).");
    }

    @Test
    void receivedNothingPassesOnASilentChannelAndListsWhatArrivedOtherwise() {
        assertThat(users).receivedNothing();

        exec(db, ADA);
        assertThatThrownBy(() -> assertThat(users).receivedNothing())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageMatching("Expected nothing on channel 'users' since the test started, but 1 arrived:\n"
                        + "  \\+\\d+ms INSERT id=1");
    }

    @Test
    void receivedNothingElseFailsOnWhatNoAssertionMatched() {
        exec(db, ADA, ALAN);

        assertThatThrownBy(() -> assertThat(users).receivedInsert(1).receivedNothingElse())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageMatching("Expected nothing else on channel 'users' since the test started, but 1 arrived:\n"
                        + "  \\+\\d+ms INSERT id=2");
    }

    @Test
    void aNullChannelFailsAsAssertJDoes() {
        assertThatThrownBy(() -> assertThat((ChannelRecorder) null).receivedNothing())
                .hasMessage(String.format("%nExpecting actual not to be null"));
    }
}
