package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated connection in autocommit that LISTENs on every channel, and a daemon thread that hands each
 * notification to a sink the moment the driver returns it. Ready once {@link #start} returns: LISTEN has been
 * executed in autocommit, so it is in effect.
 */
public final class NotificationListener implements AutoCloseable {

    /** How long one blocking read waits before the loop checks whether it should stop. */
    private static final int READ_TIMEOUT_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

    /** Receives what the listener thread reads. Called on the listener thread only. */
    public interface Sink {
        /** A notification arrived. */
        void received(Notification notification);

        /** The connection failed; nothing more will arrive. */
        void failed(SQLException cause);
    }

    private final Connection connection;
    private final Sink sink;
    private final Thread thread;
    private volatile boolean closing;

    private NotificationListener(Connection connection, Sink sink, String threadName) {
        this.connection = connection;
        this.sink = sink;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Connects, LISTENs on every channel and starts the listener thread. */
    public static NotificationListener start(ConnectionInfo database, List<String> channels, Sink sink,
                                             String threadName) throws SQLException {
        Connection connection = Jdbc.connect(database);
        try (Statement statement = connection.createStatement()) {
            for (String channel : channels) {
                statement.execute("LISTEN " + ChannelNames.quote(channel));
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        NotificationListener listener = new NotificationListener(connection, sink, threadName);
        listener.thread.start();
        return listener;
    }

    private void run() {
        PGConnection pg;
        try {
            pg = connection.unwrap(PGConnection.class);
            while (!closing) {
                deliver(pg.getNotifications(READ_TIMEOUT_MILLIS));
            }
        } catch (SQLException e) {
            if (!closing) {
                LOG.warn("Listener connection failed: {}", e.getMessage());
                sink.failed(e);
            }
        }
    }

    private void deliver(PGNotification[] batch) {
        if (batch == null) {
            return;
        }
        Instant now = Instant.now();
        for (PGNotification received : batch) {
            sink.received(new Notification(received.getName(), received.getParameter(), received.getPID(), now));
        }
    }

    /** Stops the thread and closes the connection; returns once the thread has ended. */
    @Override
    public void close() {
        closing = true;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the listener connection failed", e);
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(READ_TIMEOUT_MILLIS / 1000 + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
