package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGNotification;

/**
 * A dedicated pgjdbc connection, opened as the library's DataSource opens one, that LISTENs on every channel and hands
 * each notification to a sink on the listener's own thread. Ready once {@link #start} returns: LISTEN has completed
 * in autocommit, so it is in effect.
 *
 * <p>It keeps itself honest: a connection that has been silent for a while must answer a liveness query, a watchdog
 * closes a connection that stalls in the middle of a message, and a lost connection (terminated backend, server
 * restart, idle-session timeout, no answer) is reported to the sink, then reopened with back-off and LISTENs again on
 * every channel.
 *
 * <p>The thread only reads, appends to the sink and answers its own bookkeeping; it never runs user code.
 */
public final class NotificationListener implements AutoCloseable {

    /** The application_name of the listener's connection, so that it can be told apart in pg_stat_activity. */
    public static final String APPLICATION_NAME = Jdbc.APPLICATION_NAME + "-listener";

    /** The listener thread's name is this followed by the database name. */
    public static final String THREAD_NAME_PREFIX = "pg-notifications-listener-";

    private static final Log LOG = Log.of(NotificationListener.class);
    private static final long JOIN_MILLIS = 5_000;
    // getNotifications(1) would look like pgjdbc's own probe to our socket; 0 would wait forever.
    private static final int SHORTEST_WAIT_MILLIS = 2;
    /** With a socket of the user's own factory no byte can be counted: only a call this long counts as stalled. */
    private static final long SHORTEST_TIME_ONLY_LIMIT_MILLIS = 30_000;

    /** Receives what the listener reads and what happens to its connection, on the listener's thread. */
    public interface Sink {
        /**
         * A notification arrived. Waiting readers need not be woken yet: {@link #burstEnded()} follows as soon as no
         * further message is already at hand.
         */
        void received(Notification notification);

        /** Nothing more is buffered for now: wake whoever waits for what {@link #received} delivered. */
        void burstEnded();

        /** The connection was lost; notifications committed from now until {@link #restored} are lost. */
        void lost(Instant at, String reason);

        /** The listener is connected and listening again. */
        void restored(Instant at);
    }

    /**
     * How the listener checks and restores its connection.
     *
     * @param idleBeforePingMillis silence after which the connection must answer a liveness query
     * @param pingTimeoutMillis    how long that answer may take before the connection counts as lost
     * @param firstRetryMillis     the first reconnect delay; it doubles on each failure
     * @param maxRetryMillis       the longest reconnect delay
     */
    public record Health(long idleBeforePingMillis, long pingTimeoutMillis, long firstRetryMillis,
                         long maxRetryMillis) {

        /**
         * Notices a silent dead connection within about five seconds (a second of silence, then three for an answer,
         * generous enough for a loaded CI machine); retries from 50 ms up to 2 s apart.
         */
        public static final Health DEFAULT = new Health(1_000, 3_000, 50, 2_000);

        /** How long one read may go without a byte before the connection counts as stalled. */
        long stallLimitMillis() {
            return idleBeforePingMillis + pingTimeoutMillis;
        }
    }

    private final ConnectionInfo database;
    private final String databaseName;
    private final List<String> channels;
    private final Sink sink;
    private final Health health;
    private final SyncSender syncSender;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private final ScheduledExecutorService watchdog;
    // Replaced by the listener thread on reconnect; null while reconnecting. Read by other threads.
    private volatile ListenerConnection live;

    private NotificationListener(ConnectionInfo database, List<String> channels, Sink sink, Health health,
                                 SyncSender syncSender, ListenerConnection first) {
        this.database = database;
        this.databaseName = JdbcUrl.parse(database.jdbcUrl()).database();
        this.channels = List.copyOf(channels);
        this.sink = sink;
        this.health = health;
        this.syncSender = syncSender;
        this.live = first;
        String name = THREAD_NAME_PREFIX + databaseName;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread watcher = new Thread(task, name + "-watchdog");
            watcher.setDaemon(true);
            return watcher;
        });
    }

    /** Connects, LISTENs on every channel and starts delivering to the sink. */
    public static NotificationListener start(ConnectionInfo database, List<String> channels, Sink sink,
                                             Health health) throws ListenException {
        ListenerConnection first = ListenerConnection.open(database, APPLICATION_NAME, channels,
                health.pingTimeoutMillis());
        SyncSender syncSender = new SyncSender(database, health.pingTimeoutMillis());
        try {
            syncSender.connect();
        } catch (ListenException e) {
            first.abort();
            throw e;
        }
        NotificationListener listener = new NotificationListener(database, channels, sink, health, syncSender, first);
        listener.thread.start();
        long period = Math.max(10, health.stallLimitMillis() / 8);
        listener.watchdog.scheduleWithFixedDelay(listener::abortIfStalled, period, period, TimeUnit.MILLISECONDS);
        return listener;
    }

    /** Whether the current connection answers pgjdbc's probe for further messages at once (for tests). */
    public boolean answersProbesAtOnce() {
        ListenerConnection current = live;
        return current != null && current.socket() != null && current.socket().answersProbesAtOnce();
    }

    /** How many probes the current connection answered at once (for tests). */
    public long probesAnswered() {
        ListenerConnection current = live;
        return current == null || current.socket() == null ? 0 : current.socket().probesAnswered();
    }

    private void abortIfStalled() {
        ListenerConnection current = live;
        if (current != null) {
            long limit = health.stallLimitMillis();
            current.abortIfStalled(limit, Math.max(SHORTEST_TIME_ONLY_LIMIT_MILLIS, 4 * limit));
        }
    }

    private void run() {
        try {
            while (isOpen()) {
                ListenerConnection current = live;
                if (current == null) {
                    reconnect();
                } else {
                    listenUntilLost(current);
                }
            }
        } catch (Error e) {
            sink.lost(Instant.now(), "the listener thread failed: " + e);
            throw e;
        } finally {
            ListenerConnection last = live;
            if (last != null) {
                last.abort();
            }
        }
    }

    private boolean isOpen() {
        return closed.getCount() > 0;
    }

    /** Delivers until the connection fails or stops answering; then reports the loss. */
    private void listenUntilLost(ListenerConnection current) {
        String reason;
        try {
            while (isOpen()) {
                receiveOrPing(current);
            }
            return;
        } catch (SQLException | RuntimeException e) {
            reason = current.reasonFor(e);
        }
        current.abort();
        if (!isOpen()) {
            return;
        }
        live = null;
        LOG.warn("Listener connection to {} lost ({}); reconnecting", databaseName, reason);
        sink.lost(Instant.now(), reason);
    }

    /** Hands over what arrives within the wait, or, after a silence of idleBeforePing, checks the connection. */
    private void receiveOrPing(ListenerConnection current) throws SQLException {
        long waitMillis = health.idleBeforePingMillis() - current.silentMillis();
        if (waitMillis <= 0) {
            current.ping();
            return;
        }
        PGNotification[] received = current.receive((int) Math.max(SHORTEST_WAIT_MILLIS,
                Math.min(Integer.MAX_VALUE, waitMillis)));
        if (received.length == 0) {
            return;
        }
        Instant now = Instant.now();
        for (PGNotification notification : received) {
            sink.received(new Notification(notification.getName(), notification.getParameter(),
                    notification.getPID(), now));
        }
        sink.burstEnded();
    }

    private void reconnect() {
        long delay = health.firstRetryMillis();
        while (!awaitClosed(delay)) {
            try {
                ListenerConnection reopened = ListenerConnection.open(database, APPLICATION_NAME, channels,
                        health.pingTimeoutMillis());
                if (!isOpen()) {
                    reopened.abort();
                    return;
                }
                live = reopened;
                LOG.info("Listener connection to {} restored", databaseName);
                sink.restored(Instant.now());
                return;
            } catch (ListenException | RuntimeException e) {
                delay = Math.min(delay * 2, health.maxRetryMillis());
                LOG.debug("Reconnecting the listener failed ({}); next try in {} ms", e.getMessage(), delay);
            }
        }
    }

    /** Waits, but returns at once (true) when the listener is closed. */
    private boolean awaitClosed(long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Commits a notification from the recorder's sync connection and returns once it is committed: the listener then
     * receives it after everything committed before. Fails, as a connection failure, while the listener is
     * reconnecting.
     *
     * @param token digits only, so that it can be sent as a literal
     */
    public void notify(String channel, long token, long timeoutMillis) throws ListenException {
        if (live == null) {
            throw new ListenException("the listener is reconnecting");
        }
        syncSender.send(channel, token, timeoutMillis);
    }

    /** Closes the connections and stops the listener's thread; returns once it has ended. */
    @Override
    public void close() {
        closed.countDown();
        watchdog.shutdownNow();
        ListenerConnection current = live;
        if (current != null) {
            current.abort();
        }
        syncSender.close();
        try {
            // A reconnect in progress ends within the login timeout and closes what it opened; it is not waited for.
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
