package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.PgNotificationsAssertions.assertThatTriggers;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.TriggerDefinition;
import io.github.pgnotifications.internal.assertions.TriggerCatalog;
import io.github.pgnotifications.support.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
@PgNotifications(scripts = {"classpath:assertions/triggers.sql", "classpath:assertions/partitions.sql"})
class TriggerAssertionsTest {

    private static final String NOTIFY = "users_notify AFTER INSERT OR UPDATE OR DELETE ON public.users FOR EACH ROW"
            + " EXECUTE FUNCTION public.notify_trigger()";
    private static final String TOUCH = "users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION"
            + " public.touch()";
    private static final String TRUNCATED = "users_truncated AFTER TRUNCATE ON public.users FOR EACH STATEMENT EXECUTE"
            + " FUNCTION public.notify_trigger()";
    private static final String PAYMENT_NOTIFY = "payment_notify AFTER INSERT ON public.payment FOR EACH ROW EXECUTE"
            + " FUNCTION public.notify_trigger()";
    private static final String STATUS_CHANGED = "payment_status_changed AFTER UPDATE OF status ON public.payment FOR"
            + " EACH ROW WHEN (old.status IS DISTINCT FROM new.status) EXECUTE FUNCTION public.notify_trigger()";
    private static final String LEGACY = "users_legacy AFTER INSERT ON public.users FOR EACH ROW EXECUTE FUNCTION"
            + " public.notify_trigger() (disabled)";

    private final DataSource db;

    TriggerAssertionsTest(DataSource db) {
        this.db = db;
    }

    @Test
    void readAllReadsEveryTriggerUsersCreatedButNotTheInternalOnesOfForeignKeys() {
        List<TriggerDefinition> triggers = TriggerDefinition.readAll(db);

        Assertions.assertThat(triggers).containsExactly(
                new TriggerDefinition("audit", "users", "audit_users_notify", "AFTER", Set.of("INSERT"), "ROW",
                        "audit.notify_trigger", true),
                new TriggerDefinition("public", "int_channel_message", "Int_Channel_Message_Audit", "AFTER",
                        Set.of("DELETE"), "ROW", "public.notify_trigger", true),
                new TriggerDefinition("public", "int_channel_message", "int_channel_message_notify", "AFTER",
                        Set.of("INSERT"), "ROW", "public.notify_trigger", true),
                new TriggerDefinition("public", "payment", "payment_notify", "AFTER", Set.of("INSERT"), "ROW",
                        "public.notify_trigger", true),
                new TriggerDefinition("public", "payment", "payment_status_changed", "AFTER", Set.of("UPDATE"),
                        List.of("status"), "ROW", "old.status IS DISTINCT FROM new.status", "public.notify_trigger",
                        true),
                new TriggerDefinition("public", "user_names", "user_names_insert", "INSTEAD OF", Set.of("INSERT"),
                        "ROW", "public.insert_user_name", true),
                new TriggerDefinition("public", "users", "users_legacy", "AFTER", Set.of("INSERT"), "ROW",
                        "public.notify_trigger", false),
                new TriggerDefinition("public", "users", "users_notify", "AFTER", Set.of("INSERT", "UPDATE", "DELETE"),
                        "ROW", "public.notify_trigger", true),
                new TriggerDefinition("public", "users", "users_touch", "BEFORE", Set.of("UPDATE"), "ROW",
                        "public.touch", true),
                new TriggerDefinition("public", "users", "users_truncated", "AFTER", Set.of("TRUNCATE"), "STATEMENT",
                        "public.notify_trigger", true));
        Assertions.assertThat(triggers.get(7).events()).containsExactly("INSERT", "UPDATE", "DELETE");
    }

    @Test
    void readAllListsATriggerOfAPartitionedTableOnceWithoutItsCopiesOnThePartitionsOrTheLibrarysTriggers() {
        List<String> onPayment = TriggerDefinition.readAll(db).stream().filter(t -> t.table().startsWith("payment"))
                .map(t -> t.table() + "." + t.name()).toList();

        Assertions.assertThat(onPayment).containsExactly("payment.payment_notify", "payment.payment_status_changed");
        Assertions.assertThat(Sql.column(db, "SELECT count(*) FROM pg_trigger WHERE tgname = 'payment_notify'"))
                .as("the copies on the partitions are there to leave out").containsExactly("3");
    }

    @Test
    void aPartitionHoldsCopiesOfItsParentsRowTriggersAndNoTriggerOfAForeignKeyCounts() throws SQLException {
        try (Connection connection = db.getConnection()) {
            List<TriggerCatalog.Row> read = TriggerCatalog.read(connection, serverVersionNumber());

            Assertions.assertThat(read).filteredOn(t -> t.table().equals("payment_2024"))
                    .extracting(t -> t.name() + (t.cloned() ? " (copy)" : "") + (t.library() ? " (library)" : ""))
                    .containsExactly("payment_notify (copy)", "payment_status_changed (copy)",
                            "pgnotifications_change (copy) (library)");
            Assertions.assertThat(read).extracting(TriggerCatalog.Row::table).doesNotContain("customer", "refund");
        }
    }

    @Test
    void serversBefore13ReadTheSameTriggersThroughTheirOwnCatalogQuery() throws SQLException {
        try (Connection connection = db.getConnection()) {
            Assertions.assertThat(TriggerCatalog.read(connection, 120000))
                    .isEqualTo(TriggerCatalog.read(connection, serverVersionNumber()));
        }
    }

    @Test
    void theConditionIsCutExactlyFromTheDefinitionWhateverTheNamesAndStringsHoldAndColumnsKeepTheirOrder()
            throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("CREATE TABLE \"Odd ( WHEN (\" (\"St)atus\" text, amount int)");
            statement.execute("CREATE TRIGGER \"x WHEN (y\" AFTER UPDATE OF amount, \"St)atus\" ON \"Odd ( WHEN (\""
                    + " FOR EACH ROW WHEN (NEW.\"St)atus\" = 'a'')b' AND (OLD.amount <> NEW.amount))"
                    + " EXECUTE FUNCTION notify_trigger('WHEN (')");
            TriggerCatalog.Row odd = TriggerCatalog.read(connection, serverVersionNumber()).stream()
                    .filter(t -> t.name().equals("x WHEN (y")).findFirst().orElseThrow();

            Assertions.assertThat(odd.condition())
                    .isEqualTo("new.\"St)atus\" = 'a'')b'::text AND old.amount <> new.amount");
            Assertions.assertThat(odd.updateColumns()).containsExactly("amount", "St)atus");
            connection.rollback();
        }
    }

    @Test
    void aPartitionHasTheCopyOfItsPartitionedTablesTrigger() {
        assertThatTriggers(db).hasTrigger("payment_2024", "payment_status_changed")
                .firesOnUpdateOf("status").hasCondition("old.status IS DISTINCT FROM new.status");
    }

    @Test
    void hasTriggerChecksEveryPartOfANotifyTriggersDefinition() {
        // As in the README.
        assertThatTriggers(db).hasTrigger("users", "users_notify")
                .isAfter().firesOn("INSERT", "UPDATE", "DELETE").isRowLevel()
                .callsFunction("public.notify_trigger").isEnabled().hasNoCondition();
    }

    @Test
    void beforeStatementAndTruncateTriggersAreReadAsDefined() {
        assertThatTriggers(db).hasTrigger("users", "users_touch").isBefore().firesOn("update").isRowLevel();
        assertThatTriggers(db).hasTrigger("users", "users_truncated").isAfter().firesOn("TRUNCATE").isStatementLevel();
    }

    @Test
    void eventsMayBeGivenInAnyOrder() {
        assertThatTriggers(db).hasTrigger("users", "users_notify").firesOn("DELETE", "INSERT", "UPDATE");
    }

    @Test
    void aViewsInsteadOfTriggerIsFoundAndIsNeitherBeforeNorAfter() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("user_names", "user_names_insert").isAfter())
                .hasMessage(String.format("%nExpecting trigger:%n  user_names_insert INSTEAD OF INSERT ON"
                        + " public.user_names FOR EACH ROW EXECUTE FUNCTION public.insert_user_name()%nto fire:%n"
                        + "  AFTER%nbut it fires:%n  INSTEAD OF"));
    }

    @Test
    void aMissingTriggerIsReportedWithTheTriggersTheTableHas() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notfy"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(String.format("%nExpecting table \"users\" to have a trigger named:%n  \"users_notfy\"%n"
                        + "but its triggers are:%n  %s%n  %s%n  %s%n  %s", LEGACY, NOTIFY, TOUCH, TRUNCATED));
    }

    @Test
    void aTableWithoutTriggersSaysSo() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("plain", "plain_notify"))
                .hasMessage(String.format("%nExpecting table \"plain\" to have a trigger named:%n  \"plain_notify\"%n"
                        + "but it has no triggers"));
    }

    @Test
    void aTableThatDoesNotExistIsReportedWithTheTablesThatHaveTriggers() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("user", "users_notify"))
                .hasMessage(String.format("%nExpecting table \"user\" to have a trigger named:%n  \"users_notify\"%n"
                        + "but there is no such table; tables with triggers:%n"
                        + "  audit.users, public.int_channel_message, public.payment, public.user_names,"
                        + " public.users"));
    }

    @Test
    void aTableIsNamedAsInTablesVisibleOnTheSearchPathElseSchemaQualified() {
        assertThatTriggers(db).hasTrigger("audit.users", "audit_users_notify").callsFunction("audit.notify_trigger");
        assertThatTriggers(db).hasTrigger("public.users", "users_notify");

        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "audit_users_notify"))
                .hasMessageStartingWith(String.format("%nExpecting table \"users\" to have a trigger named:%n"
                        + "  \"audit_users_notify\"%nbut its triggers are:%n  users_legacy"));
    }

    @Test
    void namesAreBoundAsParametersSoAHostileNameIsJustAMissingTable() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users'; DROP TABLE plain; --", "x"))
                .hasMessageContaining("but there is no such table");

        Assertions.assertThat(Sql.column(db, "SELECT count(*) FROM plain")).containsExactly("0");
    }

    @Test
    void aTriggerThatFiresBeforeFailsIsAfter() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_touch").isAfter())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire:%n  AFTER%nbut it fires:%n  BEFORE",
                        TOUCH));
    }

    @Test
    void anAfterTriggerFailsIsBefore() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify").isBefore())
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire:%n  BEFORE%nbut it fires:%n  AFTER",
                        NOTIFY));
    }

    @Test
    void firesOnFailsUnlessTheEventsAreExactlyThese() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify").firesOn("INSERT", "UPDATE"))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
                    Assertions.assertThat(failure.getExpected().getValue()).isEqualTo(Set.of("INSERT", "UPDATE"));
                    Assertions.assertThat(failure.getActual().getValue())
                            .isEqualTo(Set.of("INSERT", "UPDATE", "DELETE"));
                })
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire on exactly:%n"
                        + "  [\"INSERT\", \"UPDATE\"]%nbut it fires on:%n"
                        + "  [\"INSERT\", \"UPDATE\", \"DELETE\"]", NOTIFY));
    }

    @Test
    void firesOnRefusesEventsThatNoTriggerHas() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify").firesOn("INSRT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firesOn([INSRT]): name one or more of INSERT, UPDATE, DELETE, TRUNCATE, e.g."
                        + " firesOn(\"INSERT\", \"UPDATE\").");
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify").firesOn())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("firesOn([]): name one or more of");
    }

    @Test
    void aStatementTriggerFailsIsRowLevelAndARowTriggerIsStatementLevel() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_truncated").isRowLevel())
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire:%n  FOR EACH ROW%nbut it fires:%n"
                        + "  FOR EACH STATEMENT", TRUNCATED));
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify").isStatementLevel())
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire:%n  FOR EACH STATEMENT%nbut it fires:%n"
                        + "  FOR EACH ROW", NOTIFY));
    }

    @Test
    void callsFunctionComparesTheQualifiedNameOrJustTheNameWhenGivenWithoutSchema() {
        assertThatTriggers(db).hasTrigger("users", "users_notify").callsFunction("notify_trigger");

        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify")
                .callsFunction("audit.notify_trigger"))
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto call function:%n  \"audit.notify_trigger\"%n"
                        + "but it calls:%n  \"public.notify_trigger\"", NOTIFY));
    }

    @Test
    void aDisabledTriggerFailsIsEnabled() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_legacy").isEnabled())
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto be enabled, but it is disabled"
                        + " (ALTER TABLE ... DISABLE TRIGGER)", LEGACY));
    }

    @Test
    void aDefinitionFromReadAllCanBeAssertedDirectly() {
        TriggerDefinition notify = TriggerDefinition.readAll(db).stream()
                .filter(trigger -> trigger.name().equals("users_notify")).findFirst().orElseThrow();

        assertThat(notify).isAfter().isRowLevel();
    }

    @Test
    void aDescriptionPrefixesTheFailure() {
        assertThatThrownBy(() -> assertThatTriggers(db).as("migration V3").hasTrigger("plain", "plain_notify"))
                .hasMessageStartingWith(String.format("[migration V3] %nExpecting table \"plain\""));
    }

    @Test
    void firesOnUpdateOfAndHasConditionCheckATriggerOnAChangeOfStatus() {
        // As in the README.
        assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
                .isAfter().firesOnUpdateOf("status").hasCondition("old.status IS DISTINCT FROM new.status");

        assertThatTriggers(db).hasTrigger("payment", "payment_status_changed").firesOn("UPDATE").isRowLevel();
    }

    @Test
    void firesOnUpdateOfFailsUnlessTheColumnsAreExactlyThese() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
                .firesOnUpdateOf("status", "amount"))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
                    Assertions.assertThat(failure.getExpected().getValue()).isEqualTo(List.of("status", "amount"));
                    Assertions.assertThat(failure.getActual().getValue()).isEqualTo(List.of("status"));
                })
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire on UPDATE OF exactly:%n"
                        + "  [\"status\", \"amount\"]%nbut it fires on UPDATE OF:%n  [\"status\"]", STATUS_CHANGED));
    }

    @Test
    void firesOnUpdateOfFailsForATriggerOnAnUpdateOfAnyColumn() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_touch").firesOnUpdateOf("id"))
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire on UPDATE OF exactly:%n  [\"id\"]%n"
                        + "but it fires on an UPDATE of any column: its definition has no UPDATE OF", TOUCH));
    }

    @Test
    void firesOnUpdateOfFailsForATriggerThatDoesNotFireOnUpdate() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("payment", "payment_notify")
                .firesOnUpdateOf("status"))
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire on UPDATE OF exactly:%n  [\"status\"]%n"
                        + "but it does not fire on UPDATE", PAYMENT_NOTIFY));
    }

    @Test
    void firesOnUpdateOfRefusesNoColumns() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
                .firesOnUpdateOf())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firesOnUpdateOf([]): name one or more columns, e.g. firesOnUpdateOf(\"status\"); for a"
                        + " trigger on an update of any column, use firesOn(\"UPDATE\").");
    }

    @Test
    void hasConditionComparesTheConditionAsPostgresqlPrintsItWithOrWithoutOuterParentheses() {
        assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
                .hasCondition("old.status IS DISTINCT FROM new.status")
                .hasCondition("(old.status IS DISTINCT FROM new.status)");
    }

    @Test
    void hasConditionFailsWithTheConditionAsPrintedWhenItIsWrittenOtherwise() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
                .hasCondition("OLD.status IS DISTINCT FROM NEW.status"))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure -> {
                    Assertions.assertThat(failure.getExpected().getValue())
                            .isEqualTo("OLD.status IS DISTINCT FROM NEW.status");
                    Assertions.assertThat(failure.getActual().getValue())
                            .isEqualTo("old.status IS DISTINCT FROM new.status");
                })
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire only WHEN:%n"
                        + "  \"OLD.status IS DISTINCT FROM NEW.status\"%nbut its condition is:%n"
                        + "  \"old.status IS DISTINCT FROM new.status\"%nPostgreSQL prints conditions in its own way"
                        + " (old and new in lower case, its own parentheses and casts): if the condition above is the"
                        + " one you meant, expect it as printed.", STATUS_CHANGED));
    }

    @Test
    void hasConditionFailsForATriggerWithoutOne() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify")
                .hasCondition("new.id IS NOT NULL"))
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto fire only WHEN:%n  \"new.id IS NOT NULL\"%n"
                        + "but it has no WHEN condition", NOTIFY));
    }

    @Test
    void hasConditionRefusesNoCondition() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("users", "users_notify").hasCondition(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hasCondition(null): give the WHEN condition as PostgreSQL prints it, e.g."
                        + " hasCondition(\"old.status IS DISTINCT FROM new.status\"); for a trigger without one, use"
                        + " hasNoCondition().");
    }

    @Test
    void hasNoConditionPassesWithoutOneAndFailsWithTheCondition() {
        assertThatTriggers(db).hasTrigger("users", "users_notify").hasNoCondition();

        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
                .hasNoCondition())
                .hasMessage(String.format("%nExpecting trigger:%n  %s%nto have no WHEN condition, but it fires only"
                        + " WHEN:%n  \"old.status IS DISTINCT FROM new.status\"", STATUS_CHANGED));
    }

    @Test
    void aTableNamedInUpperCaseIsPointedToTheTableStoredInLowerCase() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("INT_CHANNEL_MESSAGE", "int_channel_message_notify"))
                .hasMessage(String.format("%nExpecting table \"INT_CHANNEL_MESSAGE\" to have a trigger named:%n"
                        + "  \"int_channel_message_notify\"%nbut there is no such table; there is:%n"
                        + "  public.int_channel_message%nPostgreSQL stores unquoted names in lower case: name the table"
                        + " \"int_channel_message\"."));
    }

    @Test
    void aTriggerNamedInAnotherCaseIsPointedToTheNameAsStored() {
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("int_channel_message", "INT_CHANNEL_MESSAGE_NOTIFY"))
                .hasMessage(String.format("%nExpecting table \"int_channel_message\" to have a trigger named:%n"
                        + "  \"INT_CHANNEL_MESSAGE_NOTIFY\"%nbut it has one named:%n  \"int_channel_message_notify\"%n"
                        + "PostgreSQL stores unquoted names in lower case: name the trigger as it is stored."));
        assertThatThrownBy(() -> assertThatTriggers(db).hasTrigger("int_channel_message", "int_channel_message_audit"))
                .hasMessage(String.format("%nExpecting table \"int_channel_message\" to have a trigger named:%n"
                        + "  \"int_channel_message_audit\"%nbut it has one named:%n  \"Int_Channel_Message_Audit\"%n"
                        + "A name created in double quotes keeps its case: name the trigger as it is stored."));
    }

    private int serverVersionNumber() {
        return Integer.parseInt(Sql.column(db, "SHOW server_version_num").get(0));
    }
}
