package io.github.pgnotifications.internal.provision;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection to the server's maintenance database kept open for the run's own statements (create, copy, drop a
 * database), since opening one costs as much as a drop. One statement at a time; a connection that failed, or that
 * does not answer a check after being idle, is replaced; after {@link #close()} each statement gets a connection of
 * its own. Thread-safe.
 */
final class AdminConnection implements AutoCloseable {

    /** A connection idle this long is checked before use: one that died meanwhile must not hang a statement. */
    private static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;
    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final PostgresServer server;
    private final ReentrantLock lock = new ReentrantLock();
    // Written under the lock; read without it by close(), to abort a statement stuck on a dead connection.
    private volatile Connection connection;
    private volatile boolean closed;
    private long lastUsed;

    AdminConnection(PostgresServer server) {
        this.server = server;
    }

    /** What runs on the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs statements in order, in autocommit, on the kept connection. */
    void execute(String... statements) throws SQLException {
        with(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

    /** Runs work on the kept connection (a connection of its own after {@link #close()}). */
    <T> T with(Work<T> work) throws SQLException {
        if (closed) {
            try (Connection once = Jdbc.connectAdmin(server.maintenanceDatabase(), server.description())) {
                return work.run(once);
            }
        }
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                boolean kept = connection != null;
                try {
                    return work.run(connection());
                } catch (SQLException e) {
                    if (!lost(e)) {
                        throw e;
                    }
                    discard();
                    // A kept connection whose server session had ended (a restart): the statement never ran; once
                    // more on a new one.
                    if (!kept || closed || attempt > 1) {
                        throw e;
                    }
                }
            }
        } finally {
            lastUsed = System.nanoTime();
            lock.unlock();
        }
    }

    /** A lost connection (08...), one the server ended (57P01, as on a restart), or one the driver closed. */
    private boolean lost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01")) || isClosed(connection);
    }

    private Connection connection() throws SQLException {
        Connection current = connection;
        if (current != null && (isClosed(current) || System.nanoTime() - lastUsed > CHECK_AFTER_IDLE_NANOS
                && !current.isValid(CHECK_TIMEOUT_SECONDS))) {
            discard();
            current = null;
        }
        if (current == null) {
            current = Jdbc.connectAdmin(server.maintenanceDatabase(), server.description());
            connection = current;
        }
        return current;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection != null && connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void discard() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // It failed already.
            }
        }
    }

    /** Closes the kept connection; one busy with a statement (a server that stopped answering) is aborted. */
    @Override
    public void close() {
        closed = true;
        if (lock.tryLock()) {
            try {
                discard();
            } finally {
                lock.unlock();
            }
            return;
        }
        Connection busy = connection;
        if (busy != null) {
            try {
                busy.abort(Runnable::run);
            } catch (SQLException ignored) {
                // Closing is all that is left to try, and abort did that.
            }
        }
    }
}
