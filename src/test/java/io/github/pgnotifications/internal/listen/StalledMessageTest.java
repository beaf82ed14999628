package io.github.pgnotifications.internal.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A notification whose bytes stop after the first three (pgjdbc then reads the rest with no timeout, issue 1144): a
 * stall that ends within the listener's limit delivers it, one that does not is a reported gap, never a silent loss.
 */
@Timeout(120)
class StalledMessageTest {

    /** A second of silence before a liveness check, a second for its answer: a stall limit of 2 s. */
    private static final NotificationListener.Health QUICK = new NotificationListener.Health(1_000, 1_000, 50, 500);
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void aMessageThatStallsLongerThanAReadTimeoutButWithinTheLimitIsDelivered() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (StallingProxy proxy = new StallingProxy(server.getPort());
             NotificationListener listener = NotificationListener.start(through(proxy), List.of("c"), sink, QUICK)) {
            heardFrom(sink);
            proxy.stallOpenConnectionsAfter(3);
            notifyFromAnotherSession("stalled");
            // A network that resumes after longer than the listener's read wait (1 s), within its limit (2 s).
            CompletableFuture.delayedExecutor(1_200, TimeUnit.MILLISECONDS).execute(proxy::release);

            assertThat(sink.take(1, WITHIN)).extracting(Notification::payload).containsExactly("stalled");
            assertThat(sink.lost).isEmpty();
        }
    }

    @Test
    void aMessageThatStallsBeyondTheLimitIsAReportedGapAndListeningGoesOn() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (StallingProxy proxy = new StallingProxy(server.getPort());
             NotificationListener listener = NotificationListener.start(through(proxy), List.of("c"), sink, QUICK)) {
            heardFrom(sink);
            proxy.stallOpenConnectionsAfter(3);
            notifyFromAnotherSession("stalled for good");

            assertThat(RecordingSink.next(sink.lost, WITHIN)).isEqualTo(
                    "the connection stalled: no byte arrived for 2000 ms in the middle of a message");
            assertThat(RecordingSink.next(sink.restored, WITHIN)).isNotNull();
            notifyFromAnotherSession("after the gap");
            assertThat(sink.take(1, WITHIN)).extracting(Notification::payload).containsExactly("after the gap");
        }
    }

    /** The listener just received something, so that its next liveness check is a second away, not in the stall. */
    private static void heardFrom(RecordingSink sink) throws Exception {
        notifyFromAnotherSession("warm-up");
        assertThat(sink.take(1, WITHIN)).extracting(Notification::payload).containsExactly("warm-up");
    }

    private static ConnectionInfo through(StallingProxy proxy) {
        return new ConnectionInfo("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres", "postgres", "");
    }

    private static void notifyFromAnotherSession(String payload) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY c, '" + payload + "'");
        }
    }
}
