package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChangeEventAssert;
import io.github.pgnotifications.ChannelRecorderAssert;
import io.github.pgnotifications.NotificationAssert;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractComparableAssert;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user who imports both {@code assertThat}s statically: ours resolve for this library's types, AssertJ's for
 * everything else. The declared types of the locals are the check; the class would not compile otherwise.
 */
@Timeout(30)
@PgNotifications(tables = "users", scripts = "classpath:assertions/changes.sql")
class BothEntryPointsImportedTest {

    @Test
    void eachAssertThatResolvesToTheAssertionForItsType(NotificationRecorder recorder, DataSource db) {
        exec(db, "INSERT INTO users VALUES (1, 'Ada', 'Lovelace', 36)");
        ChangeEvent event = recorder.channel("users").awaitInsert(1);

        ChannelRecorderAssert channel = assertThat(recorder.channel("users"));
        ChangeEventAssert change = assertThat(event);
        NotificationAssert notification = assertThat(event.notification());
        MapAssert<String, Object> record = assertThat(event.record());
        AbstractComparableAssert<?, ChangeEvent.Action> action = assertThat(event.action());

        channel.receivedNothingElse();
        change.isInsert().hasRecordContaining("first_name", "Ada");
        notification.hasChannel("users");
        record.containsEntry("first_name", "Ada");
        action.isEqualTo(ChangeEvent.Action.INSERT);
    }
}
