package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ConnectionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The plain pgjdbc peer: a dedicated autocommit connection that LISTENs on one channel, and a thread that calls
 * {@code getNotifications(timeout)} in a loop and hands each payload to a sink, as a hand-written test would.
 */
final class JdbcListener implements AutoCloseable {

    /** The listener thread's name. */
    static final String THREAD_NAME = "pgjdbc-listener";

    private static final int POLL_MILLIS = 500;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Connection connection;
    private final Consumer<String> sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SQLException failure;

    private JdbcListener(Connection connection, Consumer<String> sink) {
        this.connection = connection;
        this.sink = sink;
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /** Connects and LISTENs; notifications committed after this returns reach the sink. */
    static JdbcListener start(ConnectionInfo database, String channel, Consumer<String> sink) throws SQLException {
        Connection connection = Connections.open(database);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
        }
        JdbcListener listener = new JdbcListener(connection, sink);
        listener.thread.start();
        return listener;
    }

    private void run() {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        sink.accept(notification.getParameter());
                    }
                }
            }
        } catch (SQLException e) {
            if (running) {
                failure = e;
            }
        }
    }

    /** The error that stopped the listener thread, or null. */
    SQLException failure() {
        return failure;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        thread.join(STOP_TIMEOUT.toMillis());
        connection.close();
    }
}
