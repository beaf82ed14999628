package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated connection that LISTENs on every channel and hands each notification to a sink the moment it is
 * decoded, on the connection's event-loop thread. Ready once {@link #start} returns: LISTEN has completed in
 * autocommit, so it is in effect.
 *
 * <p>It keeps itself honest: a connection that has been silent for a while must answer a liveness query, and a lost
 * connection (terminated backend, server restart, idle-session timeout, no answer) is reported to the sink, then
 * reopened with back-off and LISTENs again on every channel.
 *
 * <p>Why Vert.x's client and not pgjdbc, which serves everything else: after each notification pgjdbc probes the
 * socket with a 1 ms read timeout before returning, which puts a millisecond on every wake-up. Vert.x decodes the
 * notification and calls us at once; the benchmark measures the difference.
 */
public final class NotificationListener implements AutoCloseable {

    /** The application_name of the listener's connection, so that it can be told apart in pg_stat_activity. */
    public static final String APPLICATION_NAME = Jdbc.APPLICATION_NAME + "-listener";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final long CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final long HAZARD_QUERY_TIMEOUT_MILLIS = 2_000;
    private static final double QUEUE_USAGE_WORTH_SAYING = 0.01;
    private static final String UNCOMMITTED_SESSIONS = """
            SELECT pid, coalesce(application_name, ''), state,
                   to_char(now() - xact_start, 'FMHH24"h"MI"m"SS.MS"s"'), left(coalesce(query, ''), 80)
              FROM pg_stat_activity
             WHERE datname = current_database() AND state LIKE 'idle in transaction%'
               AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
            """;

    /** Receives what the listener reads and what happens to its connection, on the listener's thread. */
    public interface Sink {
        /** A notification arrived. */
        void received(Notification notification);

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

    private final Vertx vertx;
    private final Context context;
    private final PgConnectOptions options;
    private final List<String> channels;
    private final Sink sink;
    private final Health health;
    // Touched on the event loop only, except that close() reads the connection once the loop is told to stop.
    private volatile PgConnection connection;
    private volatile boolean closing;
    private long lastHeardNanos;
    private long retryDelayMillis;
    private String lastError;
    private boolean pinging;

    private NotificationListener(Vertx vertx, PgConnectOptions options, List<String> channels, Sink sink,
                                 Health health) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.options = options;
        this.channels = List.copyOf(channels);
        this.sink = sink;
        this.health = health;
    }

    /** Connects, LISTENs on every channel and starts delivering to the sink. */
    public static NotificationListener start(ConnectionInfo database, List<String> channels, Sink sink,
                                             Health health) throws ListenException {
        PgConnectOptions options = options(database);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        NotificationListener listener = new NotificationListener(vertx, options, channels, sink, health);
        try {
            await(listener.onLoop(listener::connectFirst), CONNECT_TIMEOUT_MILLIS);
            return listener;
        } catch (ListenException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private <T> Future<T> onLoop(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> work.get().onComplete(promise));
        return promise.future();
    }

    private Future<Void> connectFirst() {
        return connect().map(ignored -> {
            vertx.setPeriodic(health.idleBeforePingMillis() / 2 + 1, id -> checkAlive());
            return null;
        });
    }

    private Future<Void> connect() {
        return PgConnection.connect(vertx, options).compose(opened -> {
            opened.notificationHandler(n -> {
                lastHeardNanos = System.nanoTime();
                sink.received(new Notification(n.getChannel(), n.getPayload(), n.getProcessId(), Instant.now()));
            });
            // The first error is the telling one: a server's FATAL message is often followed by "Connection reset".
            opened.exceptionHandler(error -> lastError = lastError != null ? lastError : error.getMessage());
            opened.closeHandler(ignored -> lost(opened, lastError != null ? lastError
                    : "the server closed the listener connection"));
            return listenOn(opened, 0).onFailure(error -> opened.close()).map(ignored -> {
                connection = opened;
                lastHeardNanos = System.nanoTime();
                lastError = null;
                return null;
            });
        });
    }

    private Future<Void> listenOn(PgConnection opened, int index) {
        if (index == channels.size()) {
            return Future.succeededFuture();
        }
        return opened.query("LISTEN " + ChannelNames.quote(channels.get(index))).execute()
                .compose(ignored -> listenOn(opened, index + 1));
    }

    private void lost(PgConnection which, String reason) {
        if (closing || which != connection) {
            return;
        }
        connection = null;
        LOG.warn("Listener connection lost ({}); reconnecting", reason);
        sink.lost(Instant.now(), reason);
        retryDelayMillis = health.firstRetryMillis();
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        vertx.setTimer(retryDelayMillis, id -> {
            if (closing) {
                return;
            }
            connect().onSuccess(ignored -> {
                LOG.info("Listener connection restored");
                sink.restored(Instant.now());
            }).onFailure(error -> {
                retryDelayMillis = Math.min(retryDelayMillis * 2, health.maxRetryMillis());
                LOG.debug("Reconnecting the listener failed ({}); next try in {} ms", error.getMessage(),
                        retryDelayMillis);
                scheduleReconnect();
            });
        });
    }

    private void checkAlive() {
        PgConnection current = connection;
        long silentMillis = (System.nanoTime() - lastHeardNanos) / 1_000_000;
        if (closing || current == null || pinging || silentMillis < health.idleBeforePingMillis()) {
            return;
        }
        pinging = true;
        current.query("SELECT 1").execute().timeout(health.pingTimeoutMillis(), TimeUnit.MILLISECONDS)
                .onComplete(result -> {
                    pinging = false;
                    if (result.succeeded()) {
                        lastHeardNanos = System.nanoTime();
                    } else if (current == connection) {
                        String reason = "no answer to a liveness check within " + health.pingTimeoutMillis() + " ms";
                        lost(current, lastError != null ? lastError : reason);
                        current.close();
                    }
                });
    }

    /**
     * Sends a notification from the listener's own connection and returns once it is committed: the listener then
     * receives it after everything committed before. Fails while the listener is reconnecting.
     */
    public void notify(String channel, String payload, long timeoutMillis) throws ListenException {
        await(onLoop(() -> {
            PgConnection current = connection;
            if (current == null) {
                return Future.failedFuture("the listener is reconnecting");
            }
            return current.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(channel, payload))
                    .mapEmpty();
        }), timeoutMillis);
    }

    /**
     * Things that keep notifications from arriving, found on the server, as sentences for a failure message:
     * sessions of this database idle in a transaction with uncommitted writes, and a notification queue filling up.
     * Empty if none, or if the server cannot be asked right now.
     */
    public List<String> hazards() {
        try {
            List<String> found = new ArrayList<>();
            for (Row row : await(onLoop(() -> query(UNCOMMITTED_SESSIONS)), HAZARD_QUERY_TIMEOUT_MILLIS)) {
                found.add(Messages.uncommittedSession(row.getInteger(0), row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4)));
            }
            double usage = await(onLoop(() -> query("SELECT pg_notification_queue_usage()")),
                    HAZARD_QUERY_TIMEOUT_MILLIS).iterator().next().getDouble(0);
            if (usage >= QUEUE_USAGE_WORTH_SAYING) {
                found.add(Messages.queueFilling(usage));
            }
            return found;
        } catch (ListenException | RuntimeException e) {
            LOG.debug("Could not look for hazards: {}", e.getMessage());
            return List.of();
        }
    }

    private Future<RowSet<Row>> query(String sql) {
        PgConnection current = connection;
        return current == null ? Future.failedFuture("the listener is reconnecting") : current.query(sql).execute();
    }

    static PgConnectOptions options(ConnectionInfo database) {
        JdbcUrl url = JdbcUrl.parse(database.jdbcUrl());
        PgConnectOptions options = new PgConnectOptions()
                .setHost(url.hosts().get(0))
                .setPort(Integer.parseInt(url.ports().get(0)))
                .setDatabase(url.database())
                .setUser(database.username())
                .setPassword(database.password())
                .setPipeliningLimit(1)
                .setCachePreparedStatements(false);
        options.getProperties().put("application_name", APPLICATION_NAME);
        String sslMode = url.params().get("sslmode");
        if (sslMode != null) {
            options.setSslMode(SslMode.of(sslMode));
        }
        return options;
    }

    private static <T> T await(Future<T> future, long timeoutMillis) throws ListenException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ListenException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ListenException("no answer within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ListenException("interrupted", e);
        }
    }

    /** Closes the connection and stops the listener's threads; returns once they have ended. */
    @Override
    public void close() {
        closing = true;
        PgConnection current = connection;
        if (current != null) {
            try {
                await(current.close(), CONNECT_TIMEOUT_MILLIS);
            } catch (ListenException e) {
                LOG.debug("Closing the listener connection failed: {}", e.getMessage());
            }
        }
        try {
            await(vertx.close(), CONNECT_TIMEOUT_MILLIS);
        } catch (ListenException e) {
            LOG.debug("Stopping the listener's event loop failed: {}", e.getMessage());
        }
    }
}
