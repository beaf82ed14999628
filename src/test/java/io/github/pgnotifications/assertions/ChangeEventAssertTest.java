package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
@PgNotifications(tables = {"users", "documents", "settings"}, scripts = "classpath:assertions/changes.sql")
class ChangeEventAssertTest {

    // AssertJ's representation shows map entries sorted by key.
    private static final String ADA = "{\"age\"=36, \"first_name\"=\"Ada\", \"id\"=1L, \"last_name\"=\"Lovelace\"}";
    private static final String ADA_KING = "{\"age\"=36, \"first_name\"=\"Ada\", \"id\"=1L, \"last_name\"=\"King\"}";

    private final NotificationRecorder recorder;
    private final ChannelRecorder users;
    private final ChannelRecorder documents;
    private final DataSource db;

    ChangeEventAssertTest(NotificationRecorder recorder, DataSource db) {
        this.recorder = recorder;
        this.users = recorder.channel("users");
        this.documents = recorder.channel("documents");
        this.db = db;
    }

    /** Every test starts from empty tables; TRUNCATE fires no row trigger, so it sends nothing. */
    @BeforeEach
    void emptyTables() {
        exec(db, "TRUNCATE users, documents, settings");
    }

    private ChangeEvent inserted() {
        exec(db, "INSERT INTO users VALUES (1, 'Ada', 'Lovelace', 36)");
        return users.awaitInsert(1);
    }

    private ChangeEvent renamed() {
        exec(db, "INSERT INTO users VALUES (1, 'Ada', 'Lovelace', 36)",
                "UPDATE users SET last_name = 'King' WHERE id = 1");
        return users.awaitUpdate(1);
    }

    @Test
    void anInsertPassesEveryCheckThatDescribesIt() {
        assertThat(inserted()).isInsert().hasAction(ChangeEvent.Action.INSERT).hasTable("users").hasSchema("public")
                .hasRecordContaining("first_name", "Ada").hasRecordContaining("age", 36).isNotTruncated();
    }

    @Test
    void updatesAndDeletesAreToldApart() {
        exec(db, "INSERT INTO users VALUES (2, 'Alan', 'Turing', 41)", "UPDATE users SET age = 42 WHERE id = 2",
                "DELETE FROM users WHERE id = 2");

        assertThat(users.awaitUpdate(2)).isUpdate().hasRecordContaining("age", 42);
        assertThat(users.awaitDelete(2)).isDelete().hasRecordContaining("age", 42);
    }

    @Test
    void hasActionFailureShowsTheEventAndBothActions() {
        ChangeEvent event = inserted();

        assertThatThrownBy(() -> assertThat(event).isUpdate())
                .isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
                    Assertions.assertThat(failure.getExpected().getValue()).isEqualTo(ChangeEvent.Action.UPDATE);
                    Assertions.assertThat(failure.getActual().getValue()).isEqualTo(ChangeEvent.Action.INSERT);
                })
                .hasMessage(String.format("%nExpecting change event:%n  INSERT on public.users %s%n"
                        + "to have action:%n  UPDATE%nbut had:%n  INSERT", ADA));
    }

    @Test
    void hasTableAndHasSchemaFailuresShowBothNames() {
        ChangeEvent event = inserted();

        assertThatThrownBy(() -> assertThat(event).hasTable("user"))
                .hasMessage(String.format("%nExpecting change event:%n  INSERT on public.users %s%n"
                        + "to be on table:%n  \"user\"%nbut was on:%n  \"users\"", ADA));
        assertThatThrownBy(() -> assertThat(event).hasSchema("app"))
                .hasMessage(String.format("%nExpecting change event:%n  INSERT on public.users %s%n"
                        + "to be in schema:%n  \"app\"%nbut was in:%n  \"public\"", ADA));
    }

    @Test
    void recordValuesCompareByValueAsIdsDo() {
        ChangeEvent inserted = inserted();

        assertThat(inserted).hasRecordContaining("id", 1L).hasRecordContaining("id", 1).hasRecordContaining("id", "1")
                .hasRecordContaining("age", new BigDecimal("36.0")).hasRecordContaining("age", 36.0);
        assertThatThrownBy(() -> assertThat(inserted).hasRecordContaining("id", "2"))
                .hasMessageContaining("to contain:%n  \"id\"=\"2\"".formatted());
    }

    @Test
    void aNullColumnMatchesNull() {
        exec(db, "INSERT INTO users VALUES (3, 'Grace', 'Hopper', NULL)");

        assertThat(users.awaitInsert(3)).hasRecordContaining("age", null);
    }

    @Test
    void hasRecordContainingFailureShowsTheRecordAndTheColumnsValue() {
        ChangeEvent event = inserted();

        assertThatThrownBy(() -> assertThat(event).hasRecordContaining("first_name", "Bob"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage(String.format("%nExpecting record of INSERT on public.users:%n  %s%n"
                        + "to contain:%n  \"first_name\"=\"Bob\"%nbut \"first_name\" was:%n  \"Ada\"", ADA));
    }

    @Test
    void aMissingColumnIsReportedWithTheColumnsTheRecordHas() {
        ChangeEvent event = inserted();

        assertThatThrownBy(() -> assertThat(event).hasRecordContaining("nickname", "Ada"))
                .hasMessage(String.format("%nExpecting record of INSERT on public.users:%n  %s%n"
                        + "to have column:%n  \"nickname\"%nbut it has only:%n"
                        + "  [\"id\", \"first_name\", \"last_name\", \"age\"]", ADA));
    }

    @Test
    void changedChecksTheOldAndTheNewValueOfAnUpdate() {
        assertThat(renamed()).changed("last_name", "Lovelace", "King").changed("id", 1, 1L);
    }

    @Test
    void changedFailureShowsTheColumnInBothImages() {
        ChangeEvent event = renamed();

        assertThatThrownBy(() -> assertThat(event).changed("last_name", "Lovelace", "Byron"))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
                    Assertions.assertThat(failure.getExpected().getValue()).isEqualTo("\"Lovelace\" -> \"Byron\"");
                    Assertions.assertThat(failure.getActual().getValue()).isEqualTo("\"Lovelace\" -> \"King\"");
                })
                .hasMessage(String.format("%nExpecting UPDATE on public.users to change \"last_name\"%n"
                        + "  from: \"Lovelace\"%n  to:   \"Byron\"%n"
                        + "but the old row has \"Lovelace\" and the new row has \"King\""));
        assertThatThrownBy(() -> assertThat(event).changed("first_name", "Ada", "Augusta"))
                .hasMessage(String.format("%nExpecting UPDATE on public.users to change \"first_name\"%n"
                        + "  from: \"Ada\"%n  to:   \"Augusta\"%n"
                        + "but the old row has \"Ada\" and the new row has \"Ada\""));
    }

    @Test
    void changedOnAnInsertSaysThatOnlyAnUpdateHasAnOldRow() {
        ChangeEvent event = inserted();

        assertThatThrownBy(() -> assertThat(event).changed("last_name", "Lovelace", "King"))
                .hasMessage(String.format("%nExpecting change event:%n  INSERT on public.users %s%n"
                        + "to be an UPDATE (only an update has an old row to compare with)%nbut its action is INSERT",
                        ADA));
    }

    @Test
    void hasChangedColumnsNamesExactlyTheColumnsWhoseValueDiffers() {
        assertThat(renamed()).hasChangedColumns("last_name");


        exec(db, "UPDATE users SET first_name = 'Augusta', last_name = 'Byron' WHERE id = 1",
                "UPDATE users SET age = 36 WHERE id = 1");

        assertThat(users.await("the second rename", e -> "Byron".equals(e.record().get("last_name"))))
                .hasChangedColumns("last_name", "first_name");
        assertThat(users.await("the update that changed nothing", e -> "Byron".equals(e.old().get("last_name"))))
                .hasChangedColumns();
    }

    @Test
    void hasChangedColumnsFailureListsWhatChanged() {
        ChangeEvent event = renamed();

        assertThatThrownBy(() -> assertThat(event).hasChangedColumns("first_name", "last_name"))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure ->
                        Assertions.assertThat(failure.getActual().getValue()).isEqualTo(Set.of("last_name")))
                .hasMessage(String.format("%nExpecting UPDATE on public.users to change exactly the columns:%n"
                        + "  [\"first_name\", \"last_name\"]%nbut it changed:%n  [\"last_name\"]"));
    }

    @Test
    void aRowTooLargeForANotificationLeavesOutItsLargestColumns() {
        exec(db, "INSERT INTO documents VALUES (1, repeat('x', 9000))");
        ChangeEvent event = documents.awaitInsert(1);

        assertThat(event).isTruncated().hasRecordContaining("id", 1);
        assertThatThrownBy(() -> assertThat(event).isNotTruncated())
                .hasMessage(String.format("%nExpecting change event:%n  INSERT on public.documents (truncated)"
                        + " {\"id\"=1L}%nnot to be truncated, but the row was too large for one notification and its"
                        + " payload left out:%n  [\"body\"]"));
        assertThatThrownBy(() -> assertThat(event).hasRecordContaining("body", "x"))
                .hasMessage(String.format("%nExpecting record of INSERT on public.documents (truncated):%n"
                        + "  {\"id\"=1L}%nto have column:%n  \"body\"%nbut it has only:%n  [\"id\"]%n"
                        + "The payload was truncated (the row was too large for one notification): it left out"
                        + " [body]."));
    }

    @Test
    void aWholeRowIsNotTruncated() {
        ChangeEvent event = inserted();

        assertThatThrownBy(() -> assertThat(event).isTruncated())
                .hasMessage(String.format("%nExpecting change event:%n  INSERT on public.users %s%n"
                        + "to be truncated (too large for one notification, its largest columns left out), but it"
                        + " carries the whole row", ADA));
    }

    @Test
    void anUpdateIsSummarizedWithItsOldRow() {
        ChangeEvent event = renamed();

        assertThatThrownBy(() -> assertThat(event).isDelete())
                .hasMessageStartingWith(String.format(
                        "%nExpecting change event:%n  UPDATE on public.users %s, old %s%n", ADA_KING, ADA));
    }

    @Test
    void aNullEventFailsAsAssertJDoes() {
        assertThatThrownBy(() -> assertThat((ChangeEvent) null).isInsert())
                .hasMessage(String.format("%nExpecting actual not to be null"));
    }

    @Test
    void aDescriptionPrefixesTheFailure() {
        ChangeEvent event = inserted();

        assertThatThrownBy(() -> assertThat(event).as("the sign-up").hasTable("accounts"))
                .hasMessageStartingWith(String.format("[the sign-up] %nExpecting change event:"));
    }

    @Test
    void arrayAndJsonColumnsCompareAsListsAndMapsByValue() {
        exec(db, "INSERT INTO settings VALUES (1, '{1,2}', '{\"size\": 12, \"theme\": \"dark\"}')");

        assertThat(recorder.channel("settings").awaitInsert(1))
                .hasRecordContaining("tags", List.of(1L, 2L))
                .hasRecordContaining("prefs", Map.of("size", 12.0, "theme", "dark"));
    }
}
