package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ListenerGap;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.listen.NotificationListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.function.Function;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything the listener received since the last reset, per channel, and the gaps in between. The listener thread
 * appends and signals, nothing more; readers copy what they need under the same lock, a few instructions at a time,
 * and parse, index and evaluate conditions outside it. Waiting threads park until the {@link #version()} changes.
 * Thread-safe: all state is guarded by {@link #lock}.
 */
final class Journal implements NotificationListener.Sink {

    /** How many of the newest notifications a reset forgot are kept, to name them when an await times out. */
    static final int KEPT_BEFORE_RESET = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, ChannelLog> channels = new LinkedHashMap<>();
    private final List<Entry> all = new ArrayList<>();
    private final List<ListenerGap> gaps = new ArrayList<>();
    private final ArrayDeque<Entry> beforeReset = new ArrayDeque<>();
    private final String syncChannel;
    private final int maxRecorded;
    private long dropped;
    private Instant since = Instant.now();
    private long syncedToken;
    private ListenerGap ongoingGap;
    private long gapsBegun;
    private long version;
    private long generation;
    /** The channels whose payloads are kept for the contract check, across resets, until taken. */
    private Set<String> tapped = Set.of();
    private List<Notification> tappedPayloads = new ArrayList<>();

    Journal(List<String> channelNames, String syncChannel, int maxRecorded) {
        channelNames.forEach(name -> channels.put(name, new ChannelLog(name)));
        this.syncChannel = syncChannel;
        this.maxRecorded = maxRecorded;
    }

    // The listener's side: append, signal, return.

    /** Appends; the signal waits for {@link #burstEnded()}, so that a burst wakes a waiter once, not per message. */
    @Override
    public void received(Notification notification) {
        lock.lock();
        try {
            if (notification.channel().equals(syncChannel)) {
                syncedToken = Math.max(syncedToken, Long.parseLong(notification.payload()));
            } else {
                ChannelLog log = channels.get(notification.channel());
                if (log != null) {
                    all.add(log.append(notification));
                    dropOldestBeyondWindow();
                    if (tapped.contains(notification.channel())) {
                        keepForContracts(notification);
                    }
                }
            }
            version++;
        } finally {
            lock.unlock();
        }
    }

    /** Bounded as the window is: past it, the oldest tenth goes (their shapes are lost, the memory is not). */
    private void keepForContracts(Notification notification) {
        tappedPayloads.add(notification);
        if (tappedPayloads.size() > maxRecorded) {
            tappedPayloads.subList(0, Math.max(1, maxRecorded / 10)).clear();
        }
    }

    /** Keeps the payloads of these channels until {@link #takeTapped()}, whatever resets come in between. */
    void tap(Set<String> channels) {
        lock.lock();
        try {
            tapped = Set.copyOf(channels);
        } finally {
            lock.unlock();
        }
    }

    /** The payloads kept since the last call, oldest first. */
    List<Notification> takeTapped() {
        lock.lock();
        try {
            List<Notification> taken = tappedPayloads;
            tappedPayloads = new ArrayList<>();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void burstEnded() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Bounds memory: past the window, the oldest tenth of it is dropped in one go (amortised, no per-add cost). */
    private void dropOldestBeyondWindow() {
        if (all.size() <= maxRecorded) {
            return;
        }
        int count = Math.max(1, maxRecorded / 10);
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        all.subList(0, count).forEach(oldest -> perChannel.merge(oldest.notification().channel(), 1, Integer::sum));
        perChannel.forEach((channel, n) -> channels.get(channel).dropOldest(n));
        all.subList(0, count).clear();
        dropped += count;
    }

    @Override
    public void lost(Instant at, String reason) {
        lock.lock();
        try {
            ongoingGap = new ListenerGap(at, null, reason);
            gaps.add(ongoingGap);
            gapsBegun++;
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void restored(Instant at) {
        lock.lock();
        try {
            if (ongoingGap != null) {
                ListenerGap closed = new ListenerGap(ongoingGap.lostAt(), at, ongoingGap.reason());
                gaps.set(gaps.indexOf(ongoingGap), closed);
                ongoingGap = null;
            }
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // The readers' side: short copies under the lock.

    boolean listens(String channel) {
        return channels.containsKey(channel);
    }

    List<String> channelNames() {
        return List.copyOf(channels.keySet());
    }

    /** Changes whenever anything arrives or the connection's state changes; a wait parks until it does. */
    long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /** Changes at every reset, after which positions count from zero again. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** A channel's entries from a position on (or from the oldest still held). */
    List<Entry> since(String channel, int position) {
        lock.lock();
        try {
            return channels.get(channel).since(position);
        } finally {
            lock.unlock();
        }
    }

    /** The position of the oldest entry of a channel still held. */
    int first(String channel) {
        lock.lock();
        try {
            return channels.get(channel).first();
        } finally {
            lock.unlock();
        }
    }

    ChannelLog log(String channel) {
        return channels.get(channel);
    }

    KeyIndex index(String channel, List<String> columns, Function<List<String>, KeyIndex> create) {
        lock.lock();
        try {
            return channels.get(channel).index(columns, KeyIndex.class, create);
        } finally {
            lock.unlock();
        }
    }

    /** Every channel's entries, for failure messages and near misses. */
    Map<String, List<Entry>> allChannels() {
        lock.lock();
        try {
            Map<String, List<Entry>> copy = new LinkedHashMap<>();
            channels.forEach((name, log) -> copy.put(name, log.since(0)));
            return copy;
        } finally {
            lock.unlock();
        }
    }

    List<Notification> all() {
        lock.lock();
        try {
            return all.stream().map(Entry::notification).toList();
        } finally {
            lock.unlock();
        }
    }

    List<ListenerGap> gaps() {
        lock.lock();
        try {
            return List.copyOf(gaps);
        } finally {
            lock.unlock();
        }
    }

    /** The gap going on now, or the newest one if one began after {@code gapsBefore} gaps; null if neither. */
    ListenerGap gapSince(long gapsBefore) {
        lock.lock();
        try {
            if (ongoingGap != null) {
                return ongoingGap;
            }
            return gapsBegun > gapsBefore ? gaps.get(gaps.size() - 1) : null;
        } finally {
            lock.unlock();
        }
    }

    /** The number of gaps begun so far, to tell later whether one began in between. */
    long gapsBegun() {
        lock.lock();
        try {
            return gapsBegun;
        } finally {
            lock.unlock();
        }
    }

    boolean listening() {
        lock.lock();
        try {
            return ongoingGap == null;
        } finally {
            lock.unlock();
        }
    }

    long syncedToken() {
        lock.lock();
        try {
            return syncedToken;
        } finally {
            lock.unlock();
        }
    }

    /** When the recording began: the last reset. */
    Instant since() {
        lock.lock();
        try {
            return since;
        } finally {
            lock.unlock();
        }
    }

    /** How many notifications of this test were dropped past the window, and the window. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    int maxRecorded() {
        return maxRecorded;
    }

    /**
     * Parks until the version differs from {@code seen} or the deadline passes.
     *
     * @return false if the deadline passed first
     * @throws InterruptedException with the thread's interrupt flag cleared, as {@link Condition#await} leaves it
     */
    boolean awaitChange(long seen, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (version == seen) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The newest notifications of a channel that earlier resets forgot, oldest first. */
    List<Entry> beforeReset(String channel) {
        lock.lock();
        try {
            return beforeReset.stream().filter(entry -> entry.notification().channel().equals(channel)).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets what arrived and the gaps that are over; keeps the newest {@value #KEPT_BEFORE_RESET} of what it forgets
     * (across resets), to name them when an await times out.
     */
    void clear() {
        lock.lock();
        try {
            all.subList(Math.max(0, all.size() - KEPT_BEFORE_RESET), all.size()).forEach(entry -> {
                if (beforeReset.size() == KEPT_BEFORE_RESET) {
                    beforeReset.removeFirst();
                }
                beforeReset.addLast(entry);
            });
            channels.values().forEach(ChannelLog::clear);
            all.clear();
            dropped = 0;
            gaps.removeIf(gap -> gap != ongoingGap);
            since = Instant.now();
            generation++;
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
