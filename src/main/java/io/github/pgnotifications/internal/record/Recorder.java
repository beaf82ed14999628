package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.ListenerGap;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.diagnostics.Hazards;
import io.github.pgnotifications.internal.listen.ListenException;
import io.github.pgnotifications.internal.listen.NotificationListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.opentest4j.AssertionFailedError;

/**
 * The recorder of one test class: a listener on a dedicated connection feeding a {@link Journal}; the same
 * connection sends the private sync notifications. Thread-safe.
 */
public final class Recorder implements NotificationRecorder, AutoCloseable {

    private final Journal journal;
    private final NotificationListener listener;
    private final AtomicLong syncTokens = new AtomicLong();
    private final String syncChannel;
    private final Duration timeout;
    private final KeyResolver keys;
    private final Map<String, List<String>> keylessTablesByChannel;
    private final ConnectionInfo database;

    private Recorder(Journal journal, NotificationListener listener, String syncChannel, Duration timeout,
                     KeyResolver keys, Map<String, List<String>> keylessTablesByChannel, ConnectionInfo database) {
        this.database = database;
        this.journal = journal;
        this.listener = listener;
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
                                 Map<String, List<String>> keylessTablesByChannel, NotificationListener.Health health,
                                 int maxRecorded) throws ListenException {
        String syncChannel = "pgnotifications_sync_" + UUID.randomUUID().toString().replace("-", "");
        Journal journal = new Journal(channels, syncChannel, keys, maxRecorded);
        List<String> listened = new ArrayList<>(channels);
        listened.add(syncChannel);
        NotificationListener listener = NotificationListener.start(database, listened, journal, health);
        return new Recorder(journal, listener, syncChannel, timeout, keys, Map.copyOf(keylessTablesByChannel),
                database);
    }

    @Override
    public ChannelRecorder channel(String name) {
        if (name == null || !journal.listens(name)) {
            throw new IllegalArgumentException(Messages.notListened(name, journal.channelNames()));
        }
        return new ChannelView(new ChannelView.Context(journal, keys, this::sync, this::hazards), name, timeout,
                List.of(), keylessTablesByChannel.getOrDefault(name, List.of()));
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
    public List<ListenerGap> gaps() {
        return journal.gaps();
    }

    /**
     * Sends a token on the private channel and waits for it. A connection lost on the way (the loss may predate the
     * call and only now be noticed) is waited out and the round trip repeated until the timeout: the loss itself is
     * in {@link #gaps()}, and the absence checks refuse to pass over it.
     */
    @Override
    public void sync() {
        if (journal.heldByCurrentThread()) {
            throw new IllegalStateException(Messages.recorderCalledFromCondition("sync()"));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            journal.awaitListening(remaining(deadline));
            long gapsBefore = journal.gapsBegun();
            long token = syncTokens.incrementAndGet();
            try {
                listener.notify(syncChannel, token, Math.max(1, remaining(deadline).toMillis()));
                if (journal.awaitSynced(token, gapsBefore, remaining(deadline))) {
                    return;
                }
            } catch (ListenException e) {
                if (!e.isConnectionFailure() || System.nanoTime() >= deadline) {
                    throw new AssertionFailedError(Messages.syncFailed(e.getMessage()), e);
                }
                journal.awaitGapSince(gapsBefore, remaining(deadline));
            }
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** What the server knows that keeps notifications back; nothing when asked from inside an await's condition. */
    private List<String> hazards() {
        return journal.heldByCurrentThread() ? List.of() : Hazards.find(database);
    }

    @Override
    public void reset() {
        sync();
        journal.clear();
    }

    /** What arrived on each channel since the last reset, one line per notification, for test reports. */
    public Map<String, List<String>> timelines() {
        return journal.timelines();
    }

    @Override
    public void close() {
        listener.close();
    }
}
