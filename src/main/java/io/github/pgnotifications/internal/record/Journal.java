package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.listen.NotificationListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Everything the listener received since the last reset, per channel. The listener thread appends and signals;
 * awaiting threads park on the signal against a deadline. Thread-safe: all state is guarded by {@link #lock}.
 */
final class Journal implements NotificationListener.Sink {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, ChannelLog> channels = new LinkedHashMap<>();
    private final List<Notification> all = new ArrayList<>();
    private final String syncChannel;
    private final KeyResolver keys;
    private Instant since = Instant.now();
    private long syncedToken;
    private Throwable failure;

    Journal(List<String> channelNames, String syncChannel, KeyResolver keys) {
        channelNames.forEach(name -> channels.put(name, new ChannelLog()));
        this.syncChannel = syncChannel;
        this.keys = keys;
    }

    @Override
    public void received(Notification notification) {
        lock.lock();
        try {
            if (notification.channel().equals(syncChannel)) {
                syncedToken = Math.max(syncedToken, Long.parseLong(notification.payload()));
            } else {
                ChannelLog log = channels.get(notification.channel());
                if (log != null) {
                    log.add(notification);
                    all.add(notification);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void failed(Throwable cause) {
        lock.lock();
        try {
            failure = cause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean listens(String channel) {
        return channels.containsKey(channel);
    }

    List<String> channelNames() {
        return List.copyOf(channels.keySet());
    }

    /** Waits until a search over the channel's log finds something, the timeout passes, or the listener fails. */
    <T> T await(String channel, Duration timeout, Function<ChannelLog, T> search, Supplier<String> expectation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            ChannelLog log = channels.get(channel);
            while (true) {
                checkListener(expectation);
                T found = search.apply(log);
                if (found != null) {
                    return found;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw timedOut(channel, timeout, expectation.get(), log);
                }
                parkUpTo(remaining, expectation);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the sync notification with this token (or a later one) has arrived. */
    void awaitSynced(long token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Supplier<String> expectation = () -> "the recorder's sync notification";
        lock.lock();
        try {
            while (syncedToken < token) {
                checkListener(expectation);
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionFailedError(Messages.syncTimedOut(Durations.format(timeout)));
                }
                parkUpTo(remaining, expectation);
            }
        } finally {
            lock.unlock();
        }
    }

    private void parkUpTo(long nanos, Supplier<String> expectation) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(Messages.interrupted(expectation.get()), e);
        }
    }

    private void checkListener(Supplier<String> expectation) {
        if (failure != null) {
            throw new AssertionFailedError(Messages.listenerFailed(expectation.get(), failure.getMessage()), failure);
        }
    }

    private AssertionFailedError timedOut(String channel, Duration timeout, String expectation, ChannelLog log) {
        List<String> arrived = Timeline.describe(log, keys, since);
        return new AssertionFailedError(Messages.timedOut(expectation, channel, Durations.format(timeout), arrived),
                expectation, String.join("\n", arrived));
    }

    /** Runs a read-only query over a channel's log under the lock. */
    <T> T read(String channel, Function<ChannelLog, T> query) {
        lock.lock();
        try {
            return query.apply(channels.get(channel));
        } finally {
            lock.unlock();
        }
    }

    List<Notification> all() {
        lock.lock();
        try {
            return List.copyOf(all);
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            channels.values().forEach(ChannelLog::clear);
            all.clear();
            since = Instant.now();
        } finally {
            lock.unlock();
        }
    }
}
