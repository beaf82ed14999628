package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.Log;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A dedicated connection that LISTENs on every channel and hands each notification to a sink the moment it is read,
 * on the listener's own thread. Ready once {@link #start} returns: LISTEN has completed in autocommit, so it is in
 * effect.
 *
 * <p>It keeps itself honest: a connection that has been silent for a while must answer a liveness query, and a lost
 * connection (terminated backend, server restart, idle-session timeout, no answer) is reported to the sink, then
 * reopened with back-off and LISTENs again on every channel.
 *
 * <p>The thread only reads, appends to the sink and answers its own bookkeeping; it never runs user code.
 */
public final class NotificationListener implements AutoCloseable {

    /** The application_name of the listener's connection, so that it can be told apart in pg_stat_activity. */
    public static final String APPLICATION_NAME = Jdbc.APPLICATION_NAME + "-listener";

    /** The listener thread's name is this followed by the database name. */
    public static final String THREAD_NAME_PREFIX = "pg-notifications-listener-";

    private static final Log LOG = Log.of(NotificationListener.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final int GOODBYE_MILLIS = 1_000;

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
    }

    private final ListenerEndpoint endpoint;
    private final List<String> channels;
    private final Sink sink;
    private final Health health;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    // Replaced by the listener thread on reconnect; null while reconnecting. Read by notify() on other threads.
    private volatile LiveConnection live;

    private NotificationListener(ListenerEndpoint endpoint, List<String> channels, Sink sink, Health health,
                                 LiveConnection first) {
        this.endpoint = endpoint;
        this.channels = List.copyOf(channels);
        this.sink = sink;
        this.health = health;
        this.live = first;
        this.thread = new Thread(this::run, THREAD_NAME_PREFIX + endpoint.database());
        this.thread.setDaemon(true);
    }

    /** Connects, LISTENs on every channel and starts delivering to the sink. */
    public static NotificationListener start(ConnectionInfo database, List<String> channels, Sink sink,
                                             Health health) throws ListenException {
        ListenerEndpoint endpoint = ListenerEndpoint.of(database, APPLICATION_NAME);
        LiveConnection first = connect(endpoint, channels, sink);
        NotificationListener listener = new NotificationListener(endpoint, channels, sink, health, first);
        listener.thread.start();
        return listener;
    }

    /** Opens a connection and LISTENs on every channel, in one round trip, before anything is delivered. */
    private static LiveConnection connect(ListenerEndpoint endpoint, List<String> channels, Sink sink)
            throws ListenException {
        WireConnection connection;
        try {
            connection = WireConnection.open(endpoint, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new ListenException("cannot connect to " + endpoint.host() + ":" + endpoint.port() + ": "
                    + e.getMessage(), e);
        }
        LiveConnection live = new LiveConnection(connection);
        try {
            PendingQuery listen = live.send(channels.stream().map(c -> "LISTEN " + ChannelNames.quote(c))
                    .collect(Collectors.joining("; ")));
            while (!listen.isDone()) {
                live.dispatch(connection.read(CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS), sink);
            }
            listen.get(0);
            return live;
        } catch (IOException | ListenException | RuntimeException e) {
            connection.close();
            throw e instanceof ListenException listen ? listen
                    : new ListenException("LISTEN failed: " + e.getMessage(), e);
        }
    }

    private void run() {
        try {
            while (closed.getCount() > 0) {
                LiveConnection current = live;
                if (current == null) {
                    reconnect();
                } else {
                    readUntilLost(current);
                }
            }
        } finally {
            LiveConnection last = live;
            if (last != null) {
                last.fail("the listener was closed");
            }
        }
    }

    /** Reads and delivers until the connection fails or stops answering; then reports the loss. */
    private void readUntilLost(LiveConnection current) {
        String reason;
        try {
            while (true) {
                // A commit of many rows arrives as many messages in one read: wake the waiters once for all of them,
                // before a read that may wait for the network.
                if (!current.connection().hasBuffered()) {
                    sink.burstEnded();
                }
                BackendMessage message = readOrPing(current);
                if (message != null) {
                    current.dispatch(message, sink);
                }
            }
        } catch (IOException | ListenException e) {
            reason = current.lastFatal() != null ? current.lastFatal() : e.getMessage();
        }
        current.fail(reason);
        if (closed.getCount() == 0) {
            return;
        }
        live = null;
        LOG.warn("Listener connection to {} lost ({}); reconnecting", endpoint.database(), reason);
        sink.lost(Instant.now(), reason);
    }

    /**
     * The next message, or null when the connection was silent until a liveness check was due (which is then sent).
     *
     * @throws ListenException when a liveness check went unanswered
     */
    private BackendMessage readOrPing(LiveConnection current) throws IOException, ListenException {
        long now = System.nanoTime();
        long waitMillis = current.pingSentAt() != 0
                ? health.pingTimeoutMillis() - (now - current.pingSentAt()) / 1_000_000
                : health.idleBeforePingMillis() - (now - current.lastHeard()) / 1_000_000;
        if (waitMillis <= 0) {
            checkAlive(current);
            return null;
        }
        try {
            return current.connection().read((int) Math.min(Integer.MAX_VALUE, waitMillis),
                    (int) health.pingTimeoutMillis());
        } catch (SocketTimeoutException silent) {
            checkAlive(current);
            return null;
        }
    }

    private void checkAlive(LiveConnection current) throws IOException, ListenException {
        if (current.pingSentAt() == 0) {
            current.ping();
        } else if ((System.nanoTime() - current.pingSentAt()) / 1_000_000 >= health.pingTimeoutMillis()) {
            throw new ListenException("no answer to a liveness check within " + health.pingTimeoutMillis() + " ms");
        }
    }

    private void reconnect() {
        long delay = health.firstRetryMillis();
        while (!awaitClosed(delay)) {
            try {
                live = connect(endpoint, channels, sink);
                LOG.info("Listener connection to {} restored", endpoint.database());
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
     * Sends a notification from the listener's own connection and returns once it is committed: the listener then
     * receives it after everything committed before. Fails while the listener is reconnecting.
     *
     * @param token digits only, so that it can be sent as a literal
     */
    public void notify(String channel, long token, long timeoutMillis) throws ListenException {
        LiveConnection current = live;
        if (current == null) {
            throw new ListenException("the listener is reconnecting");
        }
        current.send("NOTIFY " + ChannelNames.quote(channel) + ", '" + token + "'").get(timeoutMillis);
    }

    /** Closes the connection and stops the listener's thread; returns once it has ended. */
    @Override
    public void close() {
        closed.countDown();
        LiveConnection current = live;
        if (current != null) {
            // The reader sees the server end the session, which it does once the backend is gone; if that does not
            // come soon (a dead connection), the socket is closed under the reader.
            current.connection().terminate();
            if (!joined(GOODBYE_MILLIS)) {
                current.connection().close();
            }
        }
        joined(CONNECT_TIMEOUT_MILLIS);
    }

    private boolean joined(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** A simple query sent on the listener connection, answered when the server is ready for the next. */
    static final class PendingQuery {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private ServerError error;

        boolean isDone() {
            return done.isDone();
        }

        void get(long timeoutMillis) throws ListenException {
            try {
                done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw (ListenException) e.getCause();
            } catch (TimeoutException e) {
                throw new ListenException("no answer within " + timeoutMillis + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ListenException("interrupted", e);
            }
        }

        void failed(ServerError serverError) {
            error = error == null ? serverError : error;
        }

        void answered() {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error.toException());
            }
        }

        void lost(String reason) {
            done.completeExceptionally(new ListenException(reason));
        }
    }

    /**
     * One open connection and the queries sent on it that await their answer, oldest first: PostgreSQL answers
     * queries in the order they were sent. Guarded by itself.
     */
    static final class LiveConnection {

        private final WireConnection connection;
        private final ArrayDeque<PendingQuery> pending = new ArrayDeque<>();
        private boolean failed;
        // Read and written by the listener thread only.
        private long lastHeard = System.nanoTime();
        private long pingSentAt;
        private String lastFatal;

        LiveConnection(WireConnection connection) {
            this.connection = connection;
        }

        WireConnection connection() {
            return connection;
        }

        long lastHeard() {
            return lastHeard;
        }

        long pingSentAt() {
            return pingSentAt;
        }

        String lastFatal() {
            return lastFatal;
        }

        /** Sends a query; its answer completes the returned query, or fails it if the connection is lost. */
        synchronized PendingQuery send(String sql) throws ListenException {
            PendingQuery query = new PendingQuery();
            if (failed) {
                query.lost("the listener is reconnecting");
                return query;
            }
            pending.addLast(query);
            try {
                connection.sendQuery(sql);
            } catch (IOException e) {
                pending.removeLast();
                throw new ListenException("the listener connection failed: " + e.getMessage(), e);
            }
            return query;
        }

        void ping() throws IOException, ListenException {
            pingSentAt = System.nanoTime();
            send("SELECT 1");
        }

        /** Delivers a notification to the sink, or settles the oldest pending query. */
        void dispatch(BackendMessage message, Sink sink) {
            lastHeard = System.nanoTime();
            pingSentAt = 0;
            switch (message.type()) {
                case 'A' -> {
                    BackendMessage.Reader body = message.reader();
                    int pid = body.int32();
                    String channel = body.cString();
                    deliver(sink, new Notification(channel, body.cString(), pid, Instant.now()));
                }
                case 'E' -> errorReceived(ServerError.of(message));
                case 'Z' -> answered();
                default -> {
                    // Row data, command tags, notices and parameter changes: nothing a listener needs.
                }
            }
        }

        private static void deliver(Sink sink, Notification notification) {
            try {
                sink.received(notification);
            } catch (RuntimeException e) {
                LOG.error("Could not record a notification on channel {}: {}", notification.channel(), e.toString());
            }
        }

        private synchronized void errorReceived(ServerError error) {
            if (error.severity().equals("FATAL") || error.severity().equals("PANIC")) {
                lastFatal = error.toString();
            }
            PendingQuery oldest = pending.peekFirst();
            if (oldest != null) {
                oldest.failed(error);
            }
        }

        private synchronized void answered() {
            PendingQuery oldest = pending.pollFirst();
            if (oldest != null) {
                oldest.answered();
            }
        }

        /** Fails every pending query and refuses new ones: the connection is gone. */
        synchronized void fail(String reason) {
            failed = true;
            pending.forEach(query -> query.lost(reason));
            pending.clear();
            connection.close();
        }
    }
}
