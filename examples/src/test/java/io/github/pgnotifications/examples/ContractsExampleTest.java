package io.github.pgnotifications.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Payload contracts: every channel this class listens to has its contract committed under
 * {@code examples/src/test/resources/pg-notifications} (in a project of your own, {@code contracts =
 * "src/test/resources/pg-notifications"}; the examples run from the repository's root). {@code accounts.schema.json}
 * is derived from the catalog, since the library's trigger feeds {@code accounts}; {@code order_events.schema.json}
 * is the shape of what the team's own trigger sent. With {@code CI} set, as the build's CI script sets it, the run
 * only verifies them: a migration or trigger that changes what a channel sends fails here with the diff. After a
 * deliberate change: {@code mvn -Pexamples test -Dtest=ContractsExampleTest -Dpgnotifications.contracts=update}, and
 * commit the files with the change.
 */
@PgNotifications(tables = "accounts", channels = "order_events", scripts = "classpath:contracts-example.sql",
        contracts = "examples/src/test/resources/pg-notifications")
class ContractsExampleTest {

    @Test
    void openingAnAccountSendsTheChangeTheContractDescribes(NotificationRecorder recorder, DataSource db)
            throws SQLException {
        execute(db, "INSERT INTO accounts VALUES (1, 'Ada', 'ada@example.com')");

        ChangeEvent opened = recorder.channel("accounts").awaitInsert(1);

        assertThat(opened.record()).containsEntry("owner", "Ada");
    }

    @Test
    void placingAnOrderSendsAPayloadThatFitsTheTeamsContract(NotificationRecorder recorder, DataSource db)
            throws SQLException {
        execute(db, "INSERT INTO accounts VALUES (2, 'Grace', NULL)", "INSERT INTO orders VALUES (10, 2, 42.50)");

        Notification placed = recorder.channel("order_events").awaitNotification("order 10",
                notification -> notification.payload().contains("\"order_id\" : 10"));

        assertThat(placed.payload()).contains("\"total\" : 42.50");
    }

    /** Runs each statement in autocommit, so each is committed, and notifies, on its own. */
    private static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
