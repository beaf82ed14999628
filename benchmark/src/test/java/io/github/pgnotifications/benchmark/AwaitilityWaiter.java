package io.github.pgnotifications.benchmark;

import static org.awaitility.Awaitility.await;

import io.github.pgnotifications.ConnectionInfo;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Awaitility with its default settings ({@code await().until(...)}: first check after 100 ms, then every 100 ms, at
 * most 10 s) polling what a {@link JdbcListener} collected: the common way tests wait for a notification.
 */
final class AwaitilityWaiter implements Waiter {

    private final Map<Integer, Received> collected = new ConcurrentHashMap<>();
    private final JdbcListener listener;

    AwaitilityWaiter(ConnectionInfo database, String channel) throws SQLException {
        this.listener = JdbcListener.start(database, channel, payload ->
                collected.put(Payloads.idOf(payload), Received.now(payload)));
    }

    @Override
    public String name() {
        return "pgjdbc listener + Awaitility defaults";
    }

    @Override
    public void forget() {
        collected.clear();
    }

    @Override
    public Instant awaitInsert(int id) {
        await().until(() -> collected.containsKey(id));
        return collected.get(id).at();
    }

    @Override
    public void close() throws Exception {
        listener.close();
    }
}
