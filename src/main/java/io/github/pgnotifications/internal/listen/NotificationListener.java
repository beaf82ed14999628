package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated connection that LISTENs on every channel and hands each notification to a sink the moment it is
 * decoded, on the connection's own event-loop thread. Ready once {@link #start} returns: LISTEN has completed in
 * autocommit, so it is in effect.
 *
 * <p>Why Vert.x's client and not pgjdbc, which serves everything else: after each notification pgjdbc probes the
 * socket with a 1 ms read timeout before returning, which puts a millisecond on every wake-up. Vert.x decodes the
 * notification and calls us at once; the benchmark measures the difference.
 */
public final class NotificationListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final long CONNECT_TIMEOUT_SECONDS = 30;

    /** Receives what the listener reads, on the listener's thread. */
    public interface Sink {
        /** A notification arrived. */
        void received(Notification notification);

        /** The connection failed; nothing more will arrive. */
        void failed(Throwable cause);
    }

    private final Vertx vertx;
    private final PgConnection connection;
    private volatile boolean closing;

    private NotificationListener(Vertx vertx, PgConnection connection) {
        this.vertx = vertx;
        this.connection = connection;
    }

    /** Connects, LISTENs on every channel and starts delivering to the sink. */
    public static NotificationListener start(ConnectionInfo database, List<String> channels, Sink sink)
            throws ListenException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        try {
            PgConnection connection = await(PgConnection.connect(vertx, options(database)));
            NotificationListener listener = new NotificationListener(vertx, connection);
            listener.deliverTo(sink);
            for (String channel : channels) {
                await(connection.query("LISTEN " + ChannelNames.quote(channel)).execute());
            }
            return listener;
        } catch (ListenException | RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    private void deliverTo(Sink sink) {
        connection.notificationHandler(received -> sink.received(new Notification(received.getChannel(),
                received.getPayload(), received.getProcessId(), Instant.now())));
        connection.exceptionHandler(error -> {
            if (!closing) {
                LOG.warn("Listener connection error: {}", error.getMessage());
                sink.failed(error);
            }
        });
        connection.closeHandler(ignored -> {
            if (!closing) {
                sink.failed(new ListenException("the listener connection was closed by the server"));
            }
        });
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
        options.getProperties().put("application_name", Jdbc.APPLICATION_NAME);
        String sslMode = url.params().get("sslmode");
        if (sslMode != null) {
            options.setSslMode(SslMode.of(sslMode));
        }
        return options;
    }

    private static <T> T await(Future<T> future) throws ListenException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ListenException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ListenException("no answer within " + CONNECT_TIMEOUT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ListenException("interrupted", e);
        }
    }

    /** Closes the connection and stops the listener's threads; returns once they have ended. */
    @Override
    public void close() {
        closing = true;
        try {
            await(connection.close());
        } catch (ListenException e) {
            LOG.debug("Closing the listener connection failed: {}", e.getMessage());
        }
        try {
            await(vertx.close());
        } catch (ListenException e) {
            LOG.debug("Stopping the listener's event loop failed: {}", e.getMessage());
        }
    }
}
