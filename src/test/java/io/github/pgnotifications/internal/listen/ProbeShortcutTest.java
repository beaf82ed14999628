package io.github.pgnotifications.internal.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The listener's answer to pgjdbc's 1 ms probe for further messages: live on a plain connection, nothing lost through
 * it, and out of the way on a socket of the user's own factory.
 */
@Timeout(120)
class ProbeShortcutTest {

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
    void onAPlainConnectionPgjdbcsProbeIsAnsweredAtOnce() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (NotificationListener listener = NotificationListener.start(info(""), List.of("c"), sink,
                NotificationListener.Health.DEFAULT); Connection writer = writer()) {
            assertThat(listener.answersProbesAtOnce()).as("the shortcut is on for a plain connection").isTrue();
            for (int i = 0; i < 20; i++) {
                execute(writer, "NOTIFY c, '" + i + "'");
                assertThat(sink.take(1, WITHIN)).extracting(Notification::payload).containsExactly(String.valueOf(i));
            }

            assertThat(listener.probesAnswered())
                    .as("pgjdbc no longer probes for a further message by reading with a 1 ms SO_TIMEOUT after a"
                            + " notification, so ListenerSocket's shortcut is inert: check PGStream.hasMessagePending"
                            + " and QueryExecutorImpl.processNotifies of this pgjdbc version, and the benchmark")
                    .isGreaterThan(0);
        }
    }

    @Test
    void nothingIsLostThroughTheShortcutInBurstsOnManyChannels() throws Exception {
        List<String> channels = IntStream.range(0, 40).mapToObj(i -> "channel_" + i).toList();
        RecordingSink sink = new RecordingSink();
        int writers = 4;
        int transactions = 200;
        int perTransaction = 10;
        try (NotificationListener listener = NotificationListener.start(info(""), channels, sink,
                NotificationListener.Health.DEFAULT)) {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(CompletableFuture.runAsync(() -> write(writer, channels, transactions, perTransaction)));
            }
            running.forEach(CompletableFuture::join);

            List<Notification> received = sink.take(writers * transactions * perTransaction, WITHIN);

            assertThat(received).hasSize(writers * transactions * perTransaction);
            assertThat(sink.received).isEmpty();
            assertThat(sink.lost).isEmpty();
            assertThat(eachWritersPayloadsInOrder(received, writers))
                    .allSatisfy((writer, payloads) -> assertThat(payloads).isSorted()
                            .hasSize(transactions * perTransaction).doesNotHaveDuplicates());
            assertThat(listener.probesAnswered()).isGreaterThan(0);
        }
    }

    /** Every other transaction sends a burst, the others one notification per commit. */
    private static void write(int writer, List<String> channels, int transactions, int perTransaction) {
        try (Connection connection = writer(); Statement statement = connection.createStatement()) {
            int sequence = 0;
            for (int t = 0; t < transactions; t++) {
                boolean burst = t % 2 == 0;
                connection.setAutoCommit(!burst);
                for (int n = 0; n < perTransaction; n++, sequence++) {
                    String channel = channels.get((writer * 7 + sequence) % channels.size());
                    statement.execute("NOTIFY " + channel + ", '" + writer + ":" + String.format("%06d", sequence)
                            + "'");
                }
                if (burst) {
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> eachWritersPayloadsInOrder(List<Notification> received, int writers) {
        Map<String, List<String>> payloads = new LinkedHashMap<>();
        IntStream.range(0, writers).forEach(w -> payloads.put(String.valueOf(w), new ArrayList<>()));
        received.forEach(n -> payloads.get(n.payload().split(":")[0]).add(n.payload()));
        return payloads;
    }

    @Test
    void aUrlWithItsOwnSocketFactoryGetsPlainPgjdbc() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (NotificationListener listener = NotificationListener.start(
                info("?socketFactory=" + UsersOwnSocketFactory.class.getName()), List.of("c"), sink,
                NotificationListener.Health.DEFAULT); Connection writer = writer()) {
            execute(writer, "NOTIFY c, 'through their factory'");

            assertThat(sink.take(1, WITHIN)).extracting(Notification::payload).containsExactly("through their factory");
            assertThat(listener.answersProbesAtOnce()).isFalse();
            assertThat(listener.probesAnswered()).isZero();
            assertThat(UsersOwnSocketFactory.made).isPositive();
        }
    }

    /** A user's socket factory, as pgjdbc instantiates one: by class name, public, with a no-argument constructor. */
    public static final class UsersOwnSocketFactory extends SocketFactory {
        static volatile int made;

        @Override
        public Socket createSocket() {
            made++;
            return new Socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return new Socket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return new Socket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return new Socket(address, port, localAddress, localPort);
        }
    }

    private static ConnectionInfo info(String parameters) {
        return new ConnectionInfo("jdbc:postgresql://localhost:" + server.getPort() + "/postgres" + parameters,
                "postgres", "");
    }

    private static Connection writer() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
