package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the recorder's private sync notifications from a connection of its own: the listener's connection is held by
 * its thread inside {@code getNotifications}. PostgreSQL delivers notifications in commit order across sessions, so
 * a sync notification received means everything committed before it was received too. Opened again after a failure.
 * Thread-safe: one notification at a time; {@link #close()} from any thread.
 */
final class SyncSender implements AutoCloseable {

    /** The application_name of the connection that sends the sync notifications. */
    static final String APPLICATION_NAME = Jdbc.APPLICATION_NAME + "-sync";

    private static final long CLOSE_WAIT_MILLIS = 100;

    private final ConnectionInfo database;
    private final long answerTimeoutMillis;
    // Guards sending; close() takes it only briefly, so that it never waits for a send on a dead connection.
    private final ReentrantLock sending = new ReentrantLock();
    private volatile Connection connection;
    private volatile boolean closed;

    /** @param answerTimeoutMillis how long a kept connection may take to answer before a new one is tried */
    SyncSender(ConnectionInfo database, long answerTimeoutMillis) {
        this.database = database;
        this.answerTimeoutMillis = answerTimeoutMillis;
    }

    /** Opens the connection now, so that a recorder that cannot sync fails when it starts. */
    void connect() throws ListenException {
        sending.lock();
        try {
            open();
        } catch (SQLException e) {
            throw new ListenException("cannot open the connection for sync notifications: " + e.getMessage(),
                    e.getSQLState(), e);
        } finally {
            sending.unlock();
        }
    }

    /**
     * Commits {@code NOTIFY channel, 'token'}, waiting at most {@code timeoutMillis} for the server's answer. A kept
     * connection that has died meanwhile (a server restart, a dead network) gets one answer-timeout's chance, then the
     * notification goes again on a new connection: a duplicate token is harmless, a sync failed for a connection the
     * listener does not use would not be.
     */
    void send(String channel, long token, long timeoutMillis) throws ListenException {
        if (closed) {
            throw new ListenException("the listener was closed");
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        sending.lock();
        try {
            boolean kept = connection != null;
            try {
                attempt(channel, token, kept ? Math.min(timeoutMillis, answerTimeoutMillis) : timeoutMillis);
            } catch (SQLException first) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (!kept || !isConnectionFailure(first.getSQLState()) || remaining <= 0 || closed) {
                    throw failed(first);
                }
                try {
                    attempt(channel, token, remaining);
                } catch (SQLException second) {
                    throw failed(second);
                }
            }
        } finally {
            sending.unlock();
        }
    }

    private void attempt(String channel, long token, long timeoutMillis) throws SQLException {
        try {
            Connection open = open();
            open.setNetworkTimeout(Runnable::run, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
            try (Statement statement = open.createStatement()) {
                statement.execute("NOTIFY " + ChannelNames.quote(channel) + ", '" + token + "'");
            }
        } catch (SQLException e) {
            if (isConnectionFailure(e.getSQLState())) {
                drop();
            }
            throw e;
        }
    }

    private static ListenException failed(SQLException e) {
        return new ListenException("sending the sync notification failed: " + e.getMessage(), e.getSQLState(), e);
    }

    private Connection open() throws SQLException {
        Connection current = connection;
        if (current == null || current.isClosed()) {
            if (closed) {
                throw new SQLException("the listener was closed", "08003");
            }
            current = Jdbc.connect(database, APPLICATION_NAME);
            connection = current;
        }
        return current;
    }

    private static boolean isConnectionFailure(String sqlState) {
        return sqlState == null || sqlState.startsWith("08") || sqlState.startsWith("57P");
    }

    private void drop() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // Gone already.
            }
        }
    }

    /** Says goodbye to the server if no send is under way, else closes the socket under it. */
    @Override
    public void close() {
        closed = true;
        boolean idle = false;
        try {
            idle = sending.tryLock(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Connection last = connection;
            if (idle && last != null) {
                last.close();
            } else {
                drop();
            }
        } catch (SQLException e) {
            // Gone already.
        } finally {
            connection = null;
            if (idle) {
                sending.unlock();
            }
        }
    }
}
