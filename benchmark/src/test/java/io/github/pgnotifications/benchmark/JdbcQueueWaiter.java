package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ConnectionInfo;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/** Plain pgjdbc: a {@link JdbcListener} thread handing each payload to the waiting thread through a queue. */
final class JdbcQueueWaiter implements Waiter {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Handoff handoff = new Handoff();
    private final JdbcListener listener;

    JdbcQueueWaiter(ConnectionInfo database, String channel) throws SQLException {
        this.listener = JdbcListener.start(database, channel, handoff::offer);
    }

    @Override
    public String name() {
        return "pgjdbc getNotifications(timeout) + queue";
    }

    @Override
    public void forget() {
        handoff.clear();
    }

    @Override
    public Instant awaitInsert(int id) throws Exception {
        try {
            return handoff.awaitId(id, TIMEOUT).at();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage() + "; listener failure: " + listener.failure(), e);
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
    }
}
