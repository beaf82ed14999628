package io.github.pgnotifications.internal.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure while a notification is handed over ends the connection as a reported gap, never the thread silently. */
@Timeout(120)
class SinkFailureTest {

    @Test
    void aSinkThatThrowsIsAReportedLossAndListeningGoesOn() throws Exception {
        RecordingSink sink = new RecordingSink() {
            @Override
            public void received(Notification notification) {
                if (notification.payload().equals("poison")) {
                    throw new IllegalStateException("cannot record this one");
                }
                super.received(notification);
            }
        };
        try (EmbeddedPostgres server = EmbeddedPostgres.start();
             NotificationListener listener = NotificationListener.start(new ConnectionInfo(
                     "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", "postgres", ""), List.of("c"),
                     sink, NotificationListener.Health.DEFAULT);
             Connection writer = server.getPostgresDatabase().getConnection();
             Statement statement = writer.createStatement()) {
            statement.execute("NOTIFY c, 'poison'");

            assertThat(RecordingSink.next(sink.lost, Duration.ofSeconds(30)))
                    .isEqualTo("the listener failed: java.lang.IllegalStateException: cannot record this one");
            assertThat(RecordingSink.next(sink.restored, Duration.ofSeconds(30))).isNotNull();
            statement.execute("NOTIFY c, 'after'");
            assertThat(sink.take(1, Duration.ofSeconds(30))).extracting(Notification::payload).containsExactly("after");
        }
    }
}
