package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static io.github.pgnotifications.support.Sql.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.Sql;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile names stay inert, sensitive columns stay in the database, identical changes stay distinct. */
@Timeout(30)
@PgNotifications(tables = {"a\"; drop table victim; --", "x$$;select 1;$$", "accounts"},
        channels = "a\"; drop table victim; --'", sensitiveColumns = "password_hash", scripts = "classpath:hostile.sql")
class PayloadSafetyTest {

    @Test
    void injectionAttemptsInTableAndChannelNamesAreInert(NotificationRecorder recorder, DataSource db) {
        exec(db, "INSERT INTO \"a\"\"; drop table victim; --\" VALUES (1)", "INSERT INTO \"x$$;select 1;$$\" VALUES (2)",
                "SELECT pg_notify('a\"; drop table victim; --''', 'hello')");

        assertThat(recorder.channel("a\"; drop table victim; --").awaitInsert(1).table())
                .isEqualTo("a\"; drop table victim; --");
        assertThat(recorder.channel("x$$;select 1;$$").awaitInsert(2).table()).isEqualTo("x$$;select 1;$$");
        assertThat(recorder.channel("a\"; drop table victim; --'").awaitNotification("hello", n -> true).payload())
                .isEqualTo("hello");
        assertThat(Sql.column(db, "SELECT to_regclass('victim')::text")).containsExactly("victim");
    }

    @Test
    void sensitiveColumnsNeverLeaveTheDatabase(NotificationRecorder recorder, DataSource db) {
        exec(db, "INSERT INTO accounts VALUES (1, 'ada@example.com', 'secret-hash')",
                "UPDATE accounts SET password_hash = 'new-hash' WHERE id = 1");

        ChangeEvent update = recorder.channel("accounts").awaitUpdate(1);

        assertThat(update.record()).containsEntry("email", "ada@example.com").doesNotContainKey("password_hash");
        assertThat(update.old()).doesNotContainKey("password_hash");
        assertThat(recorder.channel("accounts").notifications()).extracting(Notification::payload)
                .noneMatch(payload -> payload.contains("hash"));
    }

    @Test
    void identicalChangesInOneTransactionAreTwoEvents(NotificationRecorder recorder, DataSource db) {
        inTransaction(db, "INSERT INTO accounts VALUES (5, 'x', 'h')", "DELETE FROM accounts WHERE id = 5",
                "INSERT INTO accounts VALUES (5, 'x', 'h')", "UPDATE accounts SET email = 'x' WHERE id = 5",
                "UPDATE accounts SET email = 'x' WHERE id = 5");
        recorder.sync();

        assertThat(recorder.channel("accounts").changes()).extracting(ChangeEvent::action).containsExactly(
                ChangeEvent.Action.INSERT, ChangeEvent.Action.DELETE, ChangeEvent.Action.INSERT,
                ChangeEvent.Action.UPDATE, ChangeEvent.Action.UPDATE);
    }

    @Test
    void aSensitiveColumnThatNoTableHasIsRefusedSoATypoCannotLeakASecret() {
        assertThat(Engine.firstFailure(Engine.run(TypoCase.class))).hasMessageEndingWith(
                "Column 'pasword_hash' in @PgNotifications(sensitiveColumns) is in none of the tables"
                        + " [public.accounts]. Fix the name (exact, as stored), so that the column you meant is really"
                        + " left out of payloads.");
    }

    @PgNotifications(tables = "accounts", sensitiveColumns = "pasword_hash", scripts = "classpath:hostile.sql")
    static class TypoCase {
        @Test
        void test() {
        }
    }

    @Test
    void aNulInAChannelOrTableNameIsRefused() {
        assertThat(Engine.firstFailure(Engine.run(NulChannelCase.class))).hasMessageEndingWith(
                "Channel 'a\\0b' in @PgNotifications(channels) contains a NUL character, which PostgreSQL cannot"
                        + " carry. Remove it.");
        assertThat(Engine.firstFailure(Engine.run(NulTableCase.class))).hasMessageEndingWith(
                "Table 'a\\0b' in @PgNotifications(tables) is empty or contains a NUL character; no PostgreSQL table"
                        + " can have that name. Fix the name.");
    }

    @PgNotifications(channels = "a\u0000b")
    static class NulChannelCase {
        @Test
        void test() {
        }
    }

    @PgNotifications(tables = "a\u0000b")
    static class NulTableCase {
        @Test
        void test() {
        }
    }
}
