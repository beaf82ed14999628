package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Sql;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scripts run as written: dollar-quoted bodies, comments and the team's own triggers. */
@Timeout(30)
@PgNotifications(channels = "order_status", scripts = {"classpath:functions.sql", "src/test/resources/fine.sql"})
class ScriptsTest {

    @Test
    void aTeamsOwnTriggerFromAScriptNotifiesItsChannel(NotificationRecorder recorder, DataSource db) {
        exec(db, "INSERT INTO orders VALUES (1, 'new')", "UPDATE orders SET status = 'paid' WHERE id = 1");

        Notification notification = recorder.channel("order_status")
                .awaitNotification("order 1 paid", n -> n.payload().equals("1:paid"));

        assertThat(notification.channel()).isEqualTo("order_status");
    }

    @Test
    void aScriptGivenAsAFilePathRunsToo(DataSource db) {
        assertThat(Sql.column(db, "SELECT to_regclass('fine')::text"))
                .containsExactly("fine");
    }
}
