package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.listen.ListenException;
import io.github.pgnotifications.internal.listen.NotificationListener;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.opentest4j.AssertionFailedError;

/**
 * The recorder of one test class: a listener on a dedicated connection feeding a {@link Journal}, and a second
 * connection that sends the private sync notifications. Thread-safe.
 */
public final class Recorder implements NotificationRecorder, AutoCloseable {

    private final Journal journal;
    private final NotificationListener listener;
    private final Connection syncConnection;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final AtomicLong syncTokens = new AtomicLong();
    private final String syncChannel;
    private final Duration timeout;
    private final KeyResolver keys;
    private final Map<String, List<String>> keylessTablesByChannel;

    private Recorder(Journal journal, NotificationListener listener, Connection syncConnection, String syncChannel,
                     Duration timeout, KeyResolver keys, Map<String, List<String>> keylessTablesByChannel) {
        this.journal = journal;
        this.listener = listener;
        this.syncConnection = syncConnection;
        this.syncChannel = syncChannel;
        this.timeout = timeout;
        this.keys = keys;
        this.keylessTablesByChannel = keylessTablesByChannel;
    }

    /**
     * Starts listening on the channels; returns once LISTEN is in effect.
     *
     * @param keylessTablesByChannel installed tables without a key, per channel, so that an await by id on them fails
     *                               at once with advice
     */
    public static Recorder start(ConnectionInfo database, List<String> channels, Duration timeout, KeyResolver keys,
                                 Map<String, List<String>> keylessTablesByChannel)
            throws SQLException, ListenException {
        String syncChannel = "pgnotifications_sync_" + UUID.randomUUID().toString().replace("-", "");
        Journal journal = new Journal(channels, syncChannel, keys);
        List<String> listened = new java.util.ArrayList<>(channels);
        listened.add(syncChannel);
        Connection syncConnection = Jdbc.connect(database);
        try {
            NotificationListener listener = NotificationListener.start(database, listened, journal);
            return new Recorder(journal, listener, syncConnection, syncChannel, timeout, keys,
                    Map.copyOf(keylessTablesByChannel));
        } catch (ListenException | RuntimeException e) {
            syncConnection.close();
            throw e;
        }
    }

    @Override
    public ChannelRecorder channel(String name) {
        if (name == null || !journal.listens(name)) {
            throw new IllegalArgumentException(Messages.notListened(name, journal.channelNames()));
        }
        return new ChannelView(journal, name, timeout, List.of(), keys,
                keylessTablesByChannel.getOrDefault(name, List.of()));
    }

    @Override
    public Set<String> channels() {
        return new LinkedHashSet<>(journal.channelNames());
    }

    @Override
    public List<Notification> notifications() {
        return journal.all();
    }

    @Override
    public void sync() {
        long token = syncTokens.incrementAndGet();
        syncLock.lock();
        try (PreparedStatement notify = syncConnection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, syncChannel);
            notify.setString(2, Long.toString(token));
            notify.execute();
        } catch (SQLException e) {
            throw new AssertionFailedError(Messages.syncFailed(e.getMessage()), e);
        } finally {
            syncLock.unlock();
        }
        journal.awaitSynced(token, timeout);
    }

    @Override
    public void reset() {
        sync();
        journal.clear();
    }

    /** The default await timeout of this recorder. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        listener.close();
        try {
            syncConnection.close();
        } catch (SQLException ignored) {
            // Closing is best effort; the database is dropped next.
        }
    }
}
