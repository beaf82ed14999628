package io.github.pgnotifications.internal.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener connects with the user's whole URL: its parameters win over what the listener would set. */
@Timeout(120)
class ListenerUrlTest {

    @Test
    void theUrlsUserAndApplicationNameApplyToTheListenerConnection() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start();
             NotificationListener listener = NotificationListener.start(new ConnectionInfo(
                     "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?ApplicationName=theirs&user=postgres",
                     "nobody", ""), List.of("c"), new RecordingSink(), NotificationListener.Health.DEFAULT);
             Connection admin = server.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement();
             ResultSet listening = statement.executeQuery("SELECT usename FROM pg_stat_activity"
                     + " WHERE application_name = 'theirs' ORDER BY pid")) {
            List<String> users = new ArrayList<>();
            while (listening.next()) {
                users.add(listening.getString(1));
            }

            assertThat(users).as("the listener's and the sync connection's user").containsExactly("postgres",
                    "postgres");
        }
    }
}
