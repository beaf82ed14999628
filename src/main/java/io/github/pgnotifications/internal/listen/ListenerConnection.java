package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * One pgjdbc connection of the listener, LISTENing on every channel, and what is known about its socket. Used by the
 * listener thread; {@link #abortIfStalled} and {@link #abort} may be called from any thread.
 */
final class ListenerConnection {

    private static final PGNotification[] NONE = new PGNotification[0];
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String ENCRYPTED = """
            SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)
                OR coalesce((SELECT encrypted FROM pg_stat_gssapi WHERE pid = pg_backend_pid()), false)
            """;

    private final Connection connection;
    private final PGConnection notifications;
    // Null when the URL names a socketFactory of its own: then pgjdbc reads a socket we know nothing of.
    private final ListenerSocket socket;
    private final long pingTimeoutMillis;
    // When the listener thread entered the pgjdbc call it is in, as System.nanoTime(); 0 outside one.
    private volatile long callStartedNanos;
    private volatile String abortReason;
    private long lastHeardNanos = System.nanoTime();

    private ListenerConnection(Connection connection, ListenerSocket socket, long pingTimeoutMillis)
            throws SQLException {
        this.connection = connection;
        this.notifications = connection.unwrap(PGConnection.class);
        this.socket = socket;
        this.pingTimeoutMillis = pingTimeoutMillis;
    }

    /** Opens a connection as the library's DataSource would, then LISTENs on every channel in one statement. */
    static ListenerConnection open(ConnectionInfo database, String applicationName, List<String> channels,
                                   long pingTimeoutMillis) throws ListenException {
        List<ListenerSocket> created = new CopyOnWriteArrayList<>();
        Connection connection = connect(database, applicationName, created);
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, pingTimeoutMillis));
            ListenerConnection opened = new ListenerConnection(connection, readSocket(created), pingTimeoutMillis);
            opened.listen(channels);
            opened.answerProbesAtOnceIfPlain();
            return opened;
        } catch (SQLException | RuntimeException e) {
            abort(connection);
            throw new ListenException("LISTEN failed: " + e.getMessage(), sqlState(e), e);
        }
    }

    private static Connection connect(ConnectionInfo database, String applicationName, List<ListenerSocket> created)
            throws ListenException {
        try {
            try {
                return ListenerSocketFactory.capturing(created::add, () -> Jdbc.connectListener(database,
                        applicationName, ListenerSocketFactory.class.getName()));
            } catch (SQLException e) {
                if (!factoryNotLoadable(e)) {
                    throw e;
                }
                // pgjdbc cannot see our class (another class loader): plain pgjdbc it is.
                created.clear();
                return Jdbc.connectListener(database, applicationName, null);
            }
        } catch (SQLException e) {
            throw new ListenException("cannot connect to " + JdbcUrl.parse(database.jdbcUrl()).servers() + ": "
                    + e.getMessage(), sqlState(e), e);
        }
    }

    private static boolean factoryNotLoadable(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ReflectiveOperationException || cause instanceof LinkageError) {
                return true;
            }
        }
        return false;
    }

    /** The socket of the connection that was made: pgjdbc may have tried others before (several hosts, fallbacks). */
    private static ListenerSocket readSocket(List<ListenerSocket> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            ListenerSocket socket = created.get(i);
            if (socket.isConnected() && !socket.isClosed()) {
                return socket;
            }
        }
        return null;
    }

    private void listen(List<String> channels) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(channels.stream().map(c -> "LISTEN " + ChannelNames.quote(c))
                    .collect(Collectors.joining("; ")));
        }
    }

    /**
     * Turns the probe shortcut on only when proven safe: the server says the session is neither TLS nor GSS encrypted,
     * and the answer was read from our socket, so pgjdbc reads the server's bytes from it unchanged.
     */
    private void answerProbesAtOnceIfPlain() throws SQLException {
        if (socket == null) {
            return;
        }
        long before = socket.bytesRead();
        boolean encrypted;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(ENCRYPTED)) {
            result.next();
            encrypted = result.getBoolean(1);
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            return; // Before PostgreSQL 12 there is no pg_stat_gssapi to ask: stay plain pgjdbc.
        }
        if (!encrypted && socket.bytesRead() > before) {
            socket.answerProbesAtOnce();
        }
    }

    /** Null when pgjdbc reads a socket of the user's own factory. */
    ListenerSocket socket() {
        return socket;
    }

    long silentMillis() {
        return (System.nanoTime() - lastHeardNanos) / 1_000_000;
    }

    /** Whatever arrives within {@code waitMillis}, and anything already at hand, or none. */
    PGNotification[] receive(int waitMillis) throws SQLException {
        callStartedNanos = System.nanoTime();
        try {
            PGNotification[] received = notifications.getNotifications(waitMillis);
            if (received == null || received.length == 0) {
                return NONE;
            }
            lastHeardNanos = System.nanoTime();
            return received;
        } finally {
            callStartedNanos = 0;
        }
    }

    /** Asks the server for an answer, within the ping timeout set as the connection's network timeout. */
    void ping() throws SQLException {
        callStartedNanos = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            lastHeardNanos = System.nanoTime();
        } catch (SQLException e) {
            if (timedOut(e)) {
                abortReason = "no answer to a liveness check within " + pingTimeoutMillis + " ms";
            }
            throw e;
        } finally {
            callStartedNanos = 0;
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the connection under the listener thread when that thread has been inside one pgjdbc call for longer than
     * {@code limitMillis} while no byte arrived (or, on a socket we cannot count, for longer than
     * {@code timeOnlyLimitMillis}): pgjdbc reads the rest of a begun message without any timeout (issue 1144).
     */
    void abortIfStalled(long limitMillis, long timeOnlyLimitMillis) {
        long started = callStartedNanos;
        if (started == 0) {
            return;
        }
        long now = System.nanoTime();
        if (socket == null) {
            if (now - started > timeOnlyLimitMillis * 1_000_000) {
                abort("a read on the listener connection took longer than " + timeOnlyLimitMillis + " ms");
            }
        } else if (now - Math.max(started, socket.lastReadNanos()) > limitMillis * 1_000_000) {
            abort("the connection stalled: no byte arrived for " + limitMillis + " ms in the middle of a message");
        }
    }

    private void abort(String reason) {
        abortReason = reason;
        abort();
    }

    /** Closes at once, from any thread, without waiting for pgjdbc's lock. */
    void abort() {
        abort(connection);
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // Closed already.
        }
    }

    /** What to report for a failure of this connection: why it was aborted, if it was, else the failure itself. */
    String reasonFor(Exception failure) {
        String reason = abortReason;
        if (reason != null) {
            return reason;
        }
        if (failure instanceof RuntimeException) {
            return "the listener failed: " + failure;
        }
        if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server.getSeverity() + ": " + server.getMessage() + " (" + server.getSQLState() + ")";
        }
        Throwable cause = failure.getCause();
        return failure.getMessage() + (cause == null ? "" : " (" + cause + ")");
    }

    private static String sqlState(Exception e) {
        return e instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
