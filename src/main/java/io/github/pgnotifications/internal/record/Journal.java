package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ListenerGap;
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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.opentest4j.AssertionFailedError;

/**
 * Everything the listener received since the last reset, per channel, and the gaps in between. The listener thread
 * appends and signals; awaiting threads park on the signal against a deadline. Thread-safe: all state is guarded by
 * {@link #lock}.
 */
final class Journal implements NotificationListener.Sink {

    private static final int REPORTED_LINES = 200;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, ChannelLog> channels = new LinkedHashMap<>();
    private final List<Notification> all = new ArrayList<>();
    private final List<ListenerGap> gaps = new ArrayList<>();
    private final String syncChannel;
    private final KeyResolver keys;
    private final int maxRecorded;
    private long dropped;
    private Instant since = Instant.now();
    private long syncedToken;
    private ListenerGap ongoingGap;
    private long gapsBegun;

    Journal(List<String> channelNames, String syncChannel, KeyResolver keys, int maxRecorded) {
        channelNames.forEach(name -> channels.put(name, new ChannelLog()));
        this.syncChannel = syncChannel;
        this.keys = keys;
        this.maxRecorded = maxRecorded;
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
                    dropOldestBeyondWindow();
                }
            }
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
        all.subList(0, count).forEach(oldest -> perChannel.merge(oldest.channel(), 1, Integer::sum));
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
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True inside an await's search, where a user's condition runs: the listener cannot deliver meanwhile. */
    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    boolean listens(String channel) {
        return channels.containsKey(channel);
    }

    List<String> channelNames() {
        return List.copyOf(channels.keySet());
    }

    /**
     * Waits until a search over the channel's log finds something, the timeout passes, or a gap begins or is going
     * on: then whatever is awaited may have been lost, so the wait fails at once with the gap's reason. A timeout's
     * message lists what arrived, near misses, and the hazards found (queried after the lock is released, since the
     * listener thread needs the lock to deliver).
     */
    <T> T await(String channel, Duration timeout, Function<ChannelLog, T> search, Expectation expected,
                Supplier<List<String>> hazards) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String timedOut;
        List<String> arrived;
        lock.lock();
        try {
            ChannelLog log = channels.get(channel);
            long gapsBefore = gapsBegun;
            while (true) {
                T found = search.apply(log);
                if (found != null) {
                    return found;
                }
                failIfGapSince(gapsBefore, expected::description);
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    arrived = newestLines(log, Messages.TIMELINE_LINES_SHOWN);
                    timedOut = timedOutMessage(channel, timeout, expected, log, arrived);
                    break;
                }
                parkUpTo(remaining, expected::description);
            }
        } finally {
            lock.unlock();
        }
        throw new AssertionFailedError(Messages.withHazards(timedOut, hazards.get()), expected.description(),
                String.join("\n", arrived));
    }

    private String timedOutMessage(String channel, Duration timeout, Expectation expected, ChannelLog log,
                                   List<String> arrived) {
        return Messages.timedOut(expected.description(), channel, Durations.format(timeout), log.end(), arrived,
                NearMisses.find(expected, channel, channels, keys),
                List.copyOf(gaps)) + (dropped == 0 ? "" : "\n" + Messages.dropped(dropped, maxRecorded));
    }

    /**
     * Fails unless the given positions of the channel's log are empty, listing what they hold; or if the recorder was
     * not listening at some time since the test started, since what was committed then is unknown.
     */
    void assertNone(String channel, Function<ChannelLog, List<Integer>> positions, String what) {
        lock.lock();
        try {
            if (!gaps.isEmpty()) {
                ListenerGap gap = gaps.get(gaps.size() - 1);
                throw new AssertionFailedError(Messages.cannotProveAbsence(what, channel, gap.lostAt(), gap.reason()));
            }
            ChannelLog log = channels.get(channel);
            List<Integer> found = positions.apply(log);
            if (!found.isEmpty()) {
                List<String> lines = Timeline.describe(log, keys, since, found);
                throw new AssertionFailedError(Messages.expectedNothing(what, channel, lines), "nothing",
                        String.join("\n", lines));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The newest lines of a channel's timeline, so that a test that recorded a flood reports in milliseconds. */
    private List<String> newestLines(ChannelLog log, int count) {
        int from = Math.max(log.first(), log.end() - count);
        List<String> lines = new ArrayList<>();
        if (from > 0) {
            lines.add("... " + from + " earlier");
        }
        lines.addAll(Timeline.describe(log, keys, since, IntStream.range(from, log.end()).boxed().toList()));
        return lines;
    }

    /** One timeline per channel that received anything, for reports. */
    Map<String, List<String>> timelines() {
        lock.lock();
        try {
            Map<String, List<String>> timelines = new LinkedHashMap<>();
            channels.forEach((name, log) -> {
                if (log.size() > 0) {
                    timelines.put(name, newestLines(log, REPORTED_LINES));
                }
            });
            return timelines;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the listener is listening, for at most the timeout. */
    void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (ongoingGap != null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionFailedError(Messages.stillReconnecting(Durations.format(timeout),
                            ongoingGap.lostAt(), ongoingGap.reason()));
                }
                parkUpTo(remaining, () -> "the listener to reconnect");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * After a connection failure the listener may not have noticed yet: waits until it has (a gap began), so that the
     * next round trip goes to the new connection. Returns at the timeout without failing; the caller decides.
     */
    void awaitGapSince(long gapsBefore, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (gapsBegun == gapsBefore && deadline - System.nanoTime() > 0) {
                parkUpTo(deadline - System.nanoTime(), () -> "the listener to notice the lost connection");
            }
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

    /**
     * Waits until the sync notification with this token (or a later one) has arrived.
     *
     * @return false if a gap began meanwhile, so that the token may never come
     */
    boolean awaitSynced(long token, long gapsBefore, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (syncedToken < token) {
                if (gapsBegun > gapsBefore) {
                    return false;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionFailedError(Messages.syncTimedOut(Durations.format(timeout)));
                }
                parkUpTo(remaining, () -> "the recorder's sync notification");
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void failIfGapSince(long gapsBefore, Supplier<String> expectation) {
        if (gapsBegun > gapsBefore || ongoingGap != null) {
            ListenerGap gap = ongoingGap != null ? ongoingGap : gaps.get(gaps.size() - 1);
            throw new AssertionFailedError(Messages.gapDuringWait(expectation.get(), gap.lostAt(), gap.reason()));
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

    List<ListenerGap> gaps() {
        lock.lock();
        try {
            return List.copyOf(gaps);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets what arrived and the gaps that are over. */
    void clear() {
        lock.lock();
        try {
            channels.values().forEach(ChannelLog::clear);
            all.clear();
            dropped = 0;
            gaps.removeIf(gap -> gap != ongoingGap);
            since = Instant.now();
        } finally {
            lock.unlock();
        }
    }
}
