package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static io.github.pgnotifications.support.Sql.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
@PgNotifications(tables = {"users", "accounts", "memberships", "audit_log"}, channels = "raw",
        scripts = "classpath:recorder.sql")
class ChannelRecorderTest {

    private final NotificationRecorder recorder;
    private final DataSource db;

    ChannelRecorderTest(NotificationRecorder recorder, DataSource db) {
        this.recorder = recorder;
        this.db = db;
    }

    @Test
    void awaitInsertReturnsTheInsertedRowWithAnEmptyOld() {
        exec(db, "INSERT INTO users VALUES (42, 'Ada', 'Lovelace')");

        ChangeEvent event = recorder.channel("users").awaitInsert(42);

        assertThat(event.action()).isEqualTo(ChangeEvent.Action.INSERT);
        assertThat(event.schema()).isEqualTo("public");
        assertThat(event.table()).isEqualTo("users");
        assertThat(event.record()).containsEntry("first_name", "Ada").containsEntry("last_name", "Lovelace");
        assertThat(event.old()).isEmpty();
        assertThat(event.timestamp()).isNotNull();
        assertThat(event.truncated()).isFalse();
        assertThat(event.notification().channel()).isEqualTo("users");
    }

    @Test
    void awaitUpdateCarriesTheRowBeforeAndAfter() {
        exec(db, "INSERT INTO users VALUES (1, 'Ada', 'Lovelace')", "UPDATE users SET last_name = 'King' WHERE id = 1");

        ChangeEvent event = recorder.channel("users").awaitUpdate(1);

        assertThat(event.old()).containsEntry("last_name", "Lovelace");
        assertThat(event.record()).containsEntry("last_name", "King");
    }

    @Test
    void awaitDeleteCarriesTheDeletedRow() {
        exec(db, "INSERT INTO users VALUES (2, 'Alan', 'Turing')", "DELETE FROM users WHERE id = 2");

        ChangeEvent event = recorder.channel("users").awaitDelete(2L);

        assertThat(event.record()).containsEntry("first_name", "Alan");
        assertThat(event.old()).isEmpty();
    }

    @Test
    void idsMatchByValueWhateverTheirJavaOrColumnType() {
        exec(db, "INSERT INTO users VALUES (7, 'Grace', 'Hopper')", "INSERT INTO accounts VALUES ('7', 'grace')",
                "INSERT INTO users VALUES (8, 'Alan', 'Kay')");

        assertThat(recorder.channel("users").awaitInsert("7").record()).containsEntry("id", 7L);
        assertThat(recorder.channel("accounts").awaitInsert(7).record()).containsEntry("code", "7");
        assertThat(recorder.channel("users").awaitInsert(8L).record()).containsEntry("first_name", "Alan");
    }

    @Test
    void aCompositeKeyIsMatchedWithAListInKeyOrder() {
        exec(db, "INSERT INTO memberships VALUES (1, 42, 'admin')");

        assertThat(recorder.channel("memberships").awaitInsert(List.of(1, 42)).record()).containsEntry("role", "admin");
    }

    @Test
    void awaitingTheSameChangeTwiceWaitsForItToHappenTwice() {
        exec(db, "INSERT INTO users VALUES (70, 'once', 'x')", "DELETE FROM users WHERE id = 70",
                "INSERT INTO users VALUES (70, 'twice', 'x')");
        ChannelRecorder users = recorder.channel("users");

        assertThat(users.awaitInsert(70).record()).containsEntry("first_name", "once");
        assertThat(users.awaitInsert(70).record()).containsEntry("first_name", "twice");
        recorder.sync();
        assertThatThrownBy(() -> users.within(Duration.ofMillis(50)).awaitInsert(70))
                .hasMessageStartingWith("Timed out after 50ms waiting for INSERT id=70 on channel 'users'.")
                .hasMessageEndingWith("Near misses:\n"
                        + "  the same key arrived as DELETE, not INSERT\n"
                        + "  an earlier await already returned the INSERT with that key: each await takes its own"
                        + " change, so awaiting it again waits for another one");
    }

    @Test
    void aConditionMayCallTheRecorderWhileNotificationsFlow() {
        exec(db, "INSERT INTO users VALUES (71, 'a', 'b')");

        ChangeEvent found = recorder.channel("users").await("the insert of 71, once 72 has arrived", event -> {
            if (Long.valueOf(71).equals(event.record().get("id"))) {
                exec(db, "INSERT INTO users VALUES (72, 'c', 'd')");
                recorder.sync();
                return recorder.channel("users").awaitInsert(72) != null;
            }
            return false;
        });

        assertThat(found.record()).containsEntry("id", 71L);
        recorder.channel("users").assertNothingElse();
    }

    @Test
    void aSlowConditionDelaysNeitherAnotherChannelsAwaitNorTheRecordersRoundTrips() throws Exception {
        CountDownLatch conditionRunning = new CountDownLatch(1);
        CountDownLatch conditionMayEnd = new CountDownLatch(1);
        exec(db, "INSERT INTO users VALUES (73, 'slow', 'condition')");
        CompletableFuture<ChangeEvent> slow = CompletableFuture.supplyAsync(() -> recorder.channel("users")
                .await("a condition that blocks until released", event -> {
                    conditionRunning.countDown();
                    return awaitLatch(conditionMayEnd);
                }));
        assertThat(conditionRunning.await(10, TimeUnit.SECONDS)).isTrue();

        exec(db, "INSERT INTO accounts VALUES ('fast', 'other channel')");
        assertThat(recorder.channel("accounts").keyedBy("code").awaitInsert("fast")).isNotNull();
        recorder.sync();
        exec(db, "INSERT INTO users VALUES (74, 'meanwhile', 'x')");
        assertThat(recorder.channel("users").awaitInsert(74)).isNotNull();

        conditionMayEnd.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).record()).containsEntry("id", 73L);
    }

    private static boolean awaitLatch(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void keyedByMatchesAnotherColumn() {
        exec(db, "INSERT INTO accounts VALUES ('acme', 'wile')");

        ChangeEvent event = recorder.channel("accounts").keyedBy("owner").awaitInsert("wile");

        assertThat(event.record()).containsEntry("code", "acme");
    }

    @Test
    void anAwaitWakesWhenAWriteIsCommittedLaterByAnotherThread() throws Exception {
        CountDownLatch awaiting = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                awaiting.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exec(db, "INSERT INTO users VALUES (99, 'Late', 'Writer')");
        });

        awaiting.countDown();
        ChangeEvent event = recorder.channel("users").awaitInsert(99);

        assertThat(event.record()).containsEntry("first_name", "Late");
        writer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void awaitWithAConditionFindsAnyMatchingChange() {
        exec(db, "INSERT INTO users VALUES (3, 'Edsger', 'Dijkstra')", "INSERT INTO users VALUES (4, 'Barbara', 'Liskov')");

        ChangeEvent event = recorder.channel("users")
                .await("an insert by Liskov", e -> "Liskov".equals(e.record().get("last_name")));

        assertThat(event.record()).containsEntry("id", 4L);
    }

    @Test
    void notificationsThatAreNotChangeEventsAreKeptRawAndSkippedByChangeAwaits() {
        exec(db, "SELECT pg_notify('raw', 'plain text')", "SELECT pg_notify('raw', '{\"not\": \"a change\"}')",
                "SELECT pg_notify('raw', '{\"action\":\"insert\",\"table\":\"t\",\"record\":{\"id\":5}}')");

        Notification plain = recorder.channel("raw").awaitNotification("the plain one", n -> n.payload().equals("plain text"));
        ChangeEvent change = recorder.channel("raw").awaitInsert(5);

        assertThat(plain.pid()).isPositive();
        assertThat(recorder.channel("raw").notifications()).extracting(Notification::payload)
                .containsExactly("plain text", "{\"not\": \"a change\"}",
                        "{\"action\":\"insert\",\"table\":\"t\",\"record\":{\"id\":5}}");
        assertThat(recorder.channel("raw").changes()).containsExactly(change);
    }

    @Test
    void snapshotsListEachChannelsNotificationsInArrivalOrder() {
        inTransaction(db, "INSERT INTO users VALUES (10, 'a', 'a')", "INSERT INTO accounts VALUES ('x', 'a')",
                "UPDATE users SET first_name = 'b' WHERE id = 10");
        recorder.sync();

        assertThat(recorder.channel("users").changes()).extracting(ChangeEvent::action)
                .containsExactly(ChangeEvent.Action.INSERT, ChangeEvent.Action.UPDATE);
        assertThat(recorder.channel("accounts").changes()).hasSize(1);
        assertThat(recorder.notifications()).extracting(Notification::channel)
                .containsExactly("users", "accounts", "users");
    }

    @Test
    void syncReturnsOnceEverythingCommittedBeforeItHasBeenRecorded() {
        for (int i = 0; i < 50; i++) {
            exec(db, "INSERT INTO users VALUES (" + (1000 + i) + ", 'n', 'n')");
        }

        recorder.sync();

        assertThat(recorder.channel("users").notifications()).hasSize(50);
    }

    @Test
    void aRolledBackWriteSendsNothing() {
        exec(db, "BEGIN", "INSERT INTO users VALUES (5, 'Never', 'Committed')", "ROLLBACK");
        recorder.sync();

        assertThat(recorder.channel("users").notifications()).isEmpty();
    }

    @Test
    void aTimedOutAwaitNamesChannelActionIdAndTimeoutAndListsWhatArrived() {
        exec(db, "INSERT INTO users VALUES (41, 'x', 'y')", "DELETE FROM users WHERE id = 41");
        recorder.sync();

        assertThatThrownBy(() -> recorder.channel("users").within(Duration.ofMillis(200)).awaitInsert(42))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Timed out after 200ms waiting for INSERT id=42 on channel 'users'.\n"
                        + "Received on 'users' since the test started (2):\n  +")
                .hasMessageContaining("ms INSERT id=41\n  +")
                .hasMessageEndingWith("ms DELETE id=41\nNear misses:\n  INSERT arrived for other keys: 41");
    }

    @Test
    void aTimedOutAwaitOnASilentChannelSaysNothingArrivedAndWhy() {
        assertThatThrownBy(() -> recorder.channel("accounts").within(Duration.ofMillis(50)).awaitUpdate("nope"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Timed out after 50ms waiting for UPDATE id='nope' on channel 'accounts'.\n"
                        + "Nothing arrived on 'accounts' since the test started. Was the write committed? A transaction"
                        + " that is still open, or rolled back (as a Spring @Transactional or a Quarkus @TestTransaction test is),"
                        + " sends no notification.");
    }

    @Test
    void withinReturnsACopyAndLeavesTheDefaultTimeoutAlone() {
        ChannelRecorder users = recorder.channel("users");

        assertThat(users.within(Duration.ofMillis(300)).timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(users.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownChannelIsRefusedWithTheListenedOnes() {
        assertThatThrownBy(() -> recorder.channel("Users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Nothing listens on channel 'Users'. Listened channels: [users, accounts, memberships,"
                        + " audit_log, raw]. Add it to @PgNotifications(channels), or name its table in"
                        + " @PgNotifications(tables). Names are exact: 'Users' and 'users' are different channels.");
    }

    @Test
    void anAwaitByIdOnATableWithoutKeySaysWhichColumnToChoose() {
        assertThatThrownBy(() -> recorder.channel("audit_log").awaitInsert("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot find id 'x' on channel 'audit_log': table public.audit_log has no primary key and"
                        + " no 'id' column. Say which column identifies a row, e.g."
                        + " recorder.channel(\"audit_log\").keyedBy(\"line\").awaitInsert(...).");
    }

    @Test
    void aTableWithoutKeyCanStillBeAwaitedByAChosenColumn() {
        exec(db, "INSERT INTO audit_log VALUES ('hello')");

        assertThat(recorder.channel("audit_log").keyedBy("line").awaitInsert("hello").table()).isEqualTo("audit_log");
    }

    @Test
    void badArgumentsToWithinAndKeyedByAreRefused() {
        ChannelRecorder users = recorder.channel("users");

        assertThatThrownBy(() -> users.within(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("within(PT0S): the timeout must be a positive duration, e.g. Duration.ofSeconds(2).");
        assertThatThrownBy(() -> users.keyedBy()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyedBy([]): name one or more key columns, e.g. keyedBy(\"email\").");
    }
}
