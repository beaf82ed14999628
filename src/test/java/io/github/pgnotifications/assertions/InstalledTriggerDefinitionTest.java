package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThatTriggers;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.TriggerDefinition;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The library's own change trigger, installed by {@code tables}, reads as a notify trigger should. */
@Timeout(30)
@PgNotifications(tables = "users", scripts = "classpath:assertions/changes.sql")
class InstalledTriggerDefinitionTest {

    @Test
    void isAnEnabledAfterRowTriggerOnEveryWriteThatCallsTheLibrarysFunction(DataSource db) {
        assertThatTriggers(db).hasTrigger("users", "pgnotifications_change")
                .isAfter().firesOn("INSERT", "UPDATE", "DELETE").isRowLevel()
                .callsFunction("pgnotifications.notify_change").isEnabled().hasNoCondition();
    }

    @Test
    void isLeftOutOfReadAllWhichListsOnlyTheTriggersUsersCreated(DataSource db) {
        Assertions.assertThat(TriggerDefinition.readAll(db)).isEmpty();
    }
}
