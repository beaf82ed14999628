package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.PgNotificationsAssertions.assertThatTriggers;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.TriggerDefinition;
import io.github.pgnotifications.support.Sql;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
@PgNotifications(scripts = "classpath:assertions/triggers.sql")
class TriggerAssertionsTest {

    private static final String NOTIFY = "users_notify AFTER INSERT OR UPDATE OR DELETE ON public.users FOR EACH ROW"
            + " EXECUTE FUNCTION public.notify_trigger()";
    private static final String TOUCH = "users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION"
            + " public.touch()";
    private static final String TRUNCATED = "users_truncated AFTER TRUNCATE ON public.users FOR EACH STATEMENT EXECUTE"
            + " FUNCTION public.notify_trigger()";
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
        Assertions.assertThat(triggers.get(3).events()).containsExactly("INSERT", "UPDATE", "DELETE");
    }

    @Test
    void hasTriggerChecksEveryPartOfANotifyTriggersDefinition() {
        assertThatTriggers(db).hasTrigger("users", "users_notify")
                .isAfter().firesOn("INSERT", "UPDATE", "DELETE").isRowLevel().callsFunction("public.notify_trigger")
                .isEnabled();
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
                        + "  audit.users, public.user_names, public.users"));
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
}
