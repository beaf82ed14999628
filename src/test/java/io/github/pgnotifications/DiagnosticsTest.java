package io.github.pgnotifications;

import static io.github.pgnotifications.ExpectedChange.delete;
import static io.github.pgnotifications.ExpectedChange.insert;
import static io.github.pgnotifications.ExpectedChange.update;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.pgnotifications.support.Engine;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/** Plain-Java sequence, count and absence checks, and failures that explain themselves. */
@Timeout(60)
@PgNotifications(tables = {"users", "accounts"}, channels = "raw", scripts = "classpath:recorder.sql")
class DiagnosticsTest {

    private final NotificationRecorder recorder;
    private final DataSource db;

    DiagnosticsTest(NotificationRecorder recorder, DataSource db) {
        this.recorder = recorder;
        this.db = db;
    }

    @Test
    void awaitSequenceFindsTheChangesInOrderWithOthersInBetween() {
        exec(db, "INSERT INTO users VALUES (1, 'a', 'b')", "INSERT INTO users VALUES (2, 'c', 'd')",
                "UPDATE users SET last_name = 'x' WHERE id = 1", "DELETE FROM users WHERE id = 1");

        List<ChangeEvent> sequence = recorder.channel("users").awaitSequence(insert(1), update(1), delete(1));

        assertThat(sequence).extracting(ChangeEvent::action).containsExactly(ChangeEvent.Action.INSERT,
                ChangeEvent.Action.UPDATE, ChangeEvent.Action.DELETE);
    }

    @Test
    void aSequenceInAnotherOrderTimesOutNamingTheWholeSequence() {
        exec(db, "INSERT INTO users VALUES (11, 'a', 'b')", "DELETE FROM users WHERE id = 11");

        assertThatThrownBy(() -> recorder.channel("users").within(Duration.ofMillis(100))
                .awaitSequence(delete(11), insert(11)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Timed out after 100ms waiting for DELETE id=11, then INSERT id=11 (in this"
                        + " order) on channel 'users'.");
    }

    @Test
    void aSequenceThatTimesOutSaysHowMuchOfItArrived() {
        exec(db, "INSERT INTO users VALUES (12, 'a', 'b')", "UPDATE users SET last_name = 'x' WHERE id = 12");

        assertThatThrownBy(() -> recorder.channel("users").within(Duration.ofMillis(100))
                .awaitSequence(insert(12), update(12), delete(12)))
                .hasMessageStartingWith("Timed out after 100ms waiting for INSERT id=12, then UPDATE id=12, then"
                        + " DELETE id=12 (in this order) on channel 'users'.\n"
                        + "2 of 3 arrived in this order: INSERT id=12, then UPDATE id=12; still missing: DELETE"
                        + " id=12.\n");
    }

    @Test
    void awaitNextReturnsExactlyTheOldestNotificationsNoEarlierAwaitReturned() {
        exec(db, "INSERT INTO users VALUES (21, 'a', 'b')", "INSERT INTO users VALUES (22, 'c', 'd')",
                "INSERT INTO users VALUES (23, 'e', 'f')", "INSERT INTO users VALUES (24, 'g', 'h')");
        ChannelRecorder users = recorder.channel("users");
        users.awaitInsert(22);

        assertThat(users.awaitNext(2)).extracting(Notification::payload)
                .allSatisfy(payload -> assertThat(payload).doesNotContain("\"id\":22"))
                .satisfiesExactly(first -> assertThat(first).contains("\"id\":21"),
                        second -> assertThat(second).contains("\"id\":23"));
        assertThat(users.awaitNext(1)).singleElement().extracting(Notification::payload).asString()
                .contains("\"id\":24");
        users.assertNothingElse();
        assertThatThrownBy(() -> users.within(Duration.ofMillis(50)).awaitNext(1))
                .hasMessageStartingWith("Timed out after 50ms waiting for 1 notification(s) no earlier await"
                        + " returned on channel 'users'.");
    }

    @Test
    @SuppressWarnings("deprecation")
    void receivedExactlyCountsEverythingSinceTheTestStartedWhileAwaitNextSkipsWhatAwaitsReturned() {
        exec(db, "INSERT INTO users VALUES (25, 'a', 'b')", "INSERT INTO users VALUES (26, 'c', 'd')",
                "INSERT INTO users VALUES (27, 'e', 'f')");
        ChannelRecorder users = recorder.channel("users");
        users.awaitInsert(25);

        assertThat(users.awaitNext(2)).hasSize(2);
        io.github.pgnotifications.PgNotificationsAssertions.assertThat(users).receivedExactly(3);
        exec(db, "INSERT INTO users VALUES (28, 'g', 'h')");
        assertThat(users.awaitCount(1)).singleElement().extracting(Notification::payload).asString()
                .contains("\"id\":28");
        assertThatThrownBy(() -> users.awaitNext(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("awaitNext(0): the count must be 1 or more; to prove that nothing arrived, use"
                        + " assertNothingReceived().");
    }

    @Test
    void nearMissesReadKeysAsTheAwaitDoes() {
        exec(db, "INSERT INTO accounts VALUES ('acme', 'wile')", "INSERT INTO accounts VALUES ('road', 'runner')");
        ChannelRecorder byOwner = recorder.channel("accounts").keyedBy("owner");
        byOwner.awaitInsert("wile");

        assertThatThrownBy(() -> byOwner.within(Duration.ofMillis(50)).awaitInsert("wile"))
                .hasMessageStartingWith("Timed out after 50ms waiting for INSERT owner='wile' on channel 'accounts'.")
                .hasMessageContaining("Received on 'accounts' since the test started (2):\n  +")
                .hasMessageContaining("ms INSERT owner='wile'\n  +")
                .hasMessageEndingWith("Near misses:\n"
                        + "  an earlier await already returned the INSERT with that key: each await takes its own"
                        + " change, so awaiting it again waits for another one\n"
                        + "  INSERT arrived for other keys: 'runner'");
    }

    @Test
    void anIdWithTheWrongNumberOfKeyValuesFailsAtOnceNamingTheKey() {
        assertThatThrownBy(() -> recorder.channel("users").awaitInsert(List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot match id (1, 2) (2 values) on channel 'users': the key of table public.users is"
                        + " [id] (1 column). Pass one value, e.g. awaitInsert(42).");
        assertThatThrownBy(() -> recorder.channel("accounts").keyedBy("code", "owner").awaitInsert("acme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot match id 'acme' (1 value) on channel 'accounts': the key of keyedBy is"
                        + " [code, owner] (2 columns). Pass the values in key order as a List, e.g."
                        + " awaitInsert(List.of(<code>, <owner>)).");
    }

    @Test
    void anIdOfATypeTheKeyColumnCanNeverEqualFailsAtOnceSayingWhatToPass() {
        java.util.UUID uuid = java.util.UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

        assertThatThrownBy(() -> recorder.channel("users").awaitInsert(uuid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot match id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 (a UUID) on channel 'users': key"
                        + " column 'id' of table public.users is bigint, which 3f2504e0-4f89-11d3-9a0c-0305e82c3301"
                        + " can never equal, so the await would only time out. Pass a Long (or an Integer, or its"
                        + " digits as a String), e.g. awaitInsert(42L).");
        assertThatThrownBy(() -> recorder.channel("users").awaitSequence(insert("ada")))
                .hasMessageStartingWith("Cannot match id 'ada' (a String) on channel 'users': key column 'id' of"
                        + " table public.users is bigint, which 'ada' can never equal");
    }

    @Test
    void idsThatMatchByValueAreStillAcceptedWhateverTheirJavaType() {
        exec(db, "INSERT INTO users VALUES (131, 'a', 'b')", "INSERT INTO users VALUES (132, 'c', 'd')",
                "INSERT INTO users VALUES (133, 'e', 'f')", "INSERT INTO accounts VALUES ('134', 'x')");

        recorder.channel("users").awaitInsert(131);
        recorder.channel("users").awaitInsert(132L);
        recorder.channel("users").awaitInsert("133");
        recorder.channel("accounts").awaitInsert(134);
    }

    @Test
    void aFailedAwaitStartsAtTheCallersLine() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> recorder.channel("users").within(Duration.ofMillis(10)).awaitInsert(1));

        assertThat(failure.getStackTrace()[0].getClassName()).isEqualTo(DiagnosticsTest.class.getName());
    }

    @Test
    void anInterruptedAwaitSaysSoAndKeepsTheFlag() throws Exception {
        CompletableFuture<Throwable> waiting = new CompletableFuture<>();
        Thread awaiting = new Thread(() -> {
            try {
                recorder.channel("users").within(Duration.ofSeconds(30)).awaitInsert(1);
                waiting.complete(null);
            } catch (RuntimeException e) {
                waiting.complete(Thread.currentThread().isInterrupted() ? e
                        : new AssertionError("the interrupt flag was cleared", e));
            }
        });
        awaiting.start();
        awaiting.interrupt();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(PgNotificationsException.class)
                .hasMessage("Interrupted while waiting for INSERT id=1; the thread's interrupt flag is set again.")
                .hasCauseInstanceOf(InterruptedException.class);
    }

    @Test
    void awaitNotificationHasAFormWithoutADescription() {
        exec(db, "SELECT pg_notify('raw', 'refresh')");

        assertThat(recorder.channel("raw").awaitNotification(n -> n.payload().equals("refresh")).payload())
                .isEqualTo("refresh");
        assertThatThrownBy(() -> recorder.channel("raw").within(Duration.ofMillis(20))
                .awaitNotification(n -> false))
                .hasMessageStartingWith("Timed out after 20ms waiting for a notification matching the given condition"
                        + " on channel 'raw'.");
    }

    @Test
    void assertNothingElsePassesWhenEverythingWasAwaited() {
        exec(db, "INSERT INTO users VALUES (31, 'a', 'b')");
        recorder.channel("users").awaitInsert(31);

        recorder.channel("users").assertNothingElse();
        recorder.channel("accounts").assertNothingReceived();
    }

    @Test
    void assertNothingElseListsWhatElseArrived() {
        exec(db, "INSERT INTO users VALUES (41, 'a', 'b')", "INSERT INTO users VALUES (42, 'c', 'd')");
        recorder.channel("users").awaitInsert(41);

        assertThatThrownBy(() -> recorder.channel("users").assertNothingElse())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expected nothing else on channel 'users' since the test started, but 1"
                        + " arrived:\n  +")
                .hasMessageEndingWith("ms INSERT id=42");
    }

    @Test
    void assertNothingReceivedSeesWhatWasCommittedJustBefore() {
        exec(db, "INSERT INTO accounts VALUES ('k', 'o')");

        assertThatThrownBy(() -> recorder.channel("accounts").assertNothingReceived())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Expected nothing on channel 'accounts' since the test started, but 1"
                        + " arrived:\n  +")
                .hasMessageEndingWith("ms INSERT code='k'");
    }

    @Test
    void nearMissesNameTheSameKeyWithAnotherActionAndTheKeyOnAnotherChannelAndPayloadsThatAreNotChanges() {
        exec(db, "INSERT INTO users VALUES (7, 'a', 'b')", "UPDATE users SET first_name = 'z' WHERE id = 7",
                "INSERT INTO accounts VALUES ('7', 'o')", "SELECT pg_notify('raw', 'not json')");
        recorder.sync();

        assertThatThrownBy(() -> recorder.channel("users").within(Duration.ofMillis(100)).awaitDelete(7))
                .hasMessageEndingWith("Near misses:\n"
                        + "  the same key arrived as INSERT, not DELETE\n"
                        + "  the same key arrived as UPDATE, not DELETE");
        assertThatThrownBy(() -> recorder.channel("users").within(Duration.ofMillis(100)).awaitInsert(8))
                .hasMessageEndingWith("Near misses:\n  INSERT arrived for other keys: 7");
        assertThatThrownBy(() -> recorder.channel("raw").within(Duration.ofMillis(100)).awaitInsert("7"))
                .hasMessageEndingWith("Near misses:\n"
                        + "  INSERT with that key arrived on channel 'users' instead\n"
                        + "  INSERT with that key arrived on channel 'accounts' instead\n"
                        + "  1 notification(s) on 'raw' are not change events (payload not JSON of the change shape);"
                        + " awaits by id skip them");
    }

    @Test
    void aTimeoutNamesASessionIdleInATransactionWithUncommittedWrites() throws Exception {
        try (Connection open = db.getConnection(); Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("INSERT INTO users VALUES (50, 'never', 'committed')");

            assertThatThrownBy(() -> recorder.channel("users").within(Duration.ofMillis(100)).awaitInsert(50))
                    .hasMessageContaining("\nHazards:\n  session ")
                    .hasMessageContaining(" is idle in transaction with uncommitted writes for ")
                    .hasMessageContaining(": its notifications are sent only when it commits; last statement:"
                            + " INSERT INTO users VALUES (50, 'never', 'committed')");
            open.rollback();
        }
    }

    @Test
    void theSnapshotsWorkInsideAwaitilityForTeamsThatWaitThatWay() {
        exec(db, "INSERT INTO users VALUES (61, 'a', 'b')", "INSERT INTO users VALUES (62, 'c', 'd')");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> recorder.channel("users").changes().size() == 2);

        assertThat(recorder.channel("users").changes()).extracting(change -> change.record().get("id"))
                .containsExactly(61L, 62L);
    }

    @Test
    void aTestThatFailsOnItsOwnAssertionShowsWhatArrivedDuringIt() {
        Throwable failure = Engine.firstFailure(Engine.run(OwnAssertionCase.class));

        assertThat(failure).hasMessage("the test's own check");
        assertThat(failure.getSuppressed()).singleElement().satisfies(recorded -> assertThat(recorded.getMessage())
                .matches("Notifications recorded during this test \\(pg-notifications\\):\n"
                        + "  on 'items' \\(2\\):\n    \\+\\d+ms INSERT id=1\n    \\+\\d+ms DELETE id=1"));
    }

    @Test
    void aFailedAwaitIsNotRepeatedAsAnAttachment() {
        Throwable failure = Engine.firstFailure(Engine.run(FailedAwaitCase.class));

        assertThat(failure).hasMessageStartingWith("Timed out after 50ms waiting for INSERT id=2 on channel 'items'.");
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    static class OwnAssertionCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'x')", "DELETE FROM items WHERE id = 1");
            recorder.channel("items").awaitDelete(1);
            throw new AssertionError("the test's own check");
        }
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql", timeout = "50ms")
    static class FailedAwaitCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            exec(db, "INSERT INTO items VALUES (1, 'x')");
            recorder.channel("items").awaitInsert(2);
        }
    }
}
