package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.internal.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What arrived on one channel since the test started, in arrival order. The listener appends; readers copy the
 * entries they have not seen yet, each copy a handful of instructions under the {@link Journal}'s lock, and do
 * everything else (parsing, indexing, conditions) outside it. Positions count from the test's start; the oldest may
 * have been dropped to bound memory, so the retained ones run from {@link #first()} to {@link #end()}.
 *
 * <p>Thread-safety: entries and positions are guarded by the journal's lock; claims by {@link #claimLock()}, which
 * the listener never takes; each index by itself.
 */
final class ChannelLog {

    private static final Log LOG = Log.of(ChannelLog.class);

    private final String name;
    private final Object claimLock = new Object();
    private final ArrayList<Entry> entries = new ArrayList<>();
    private final Map<List<String>, Object> indexes = new HashMap<>();
    private int first;

    ChannelLog(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    // Under the journal's lock:

    Entry append(io.github.pgnotifications.Notification notification) {
        Entry entry = new Entry(notification, first + entries.size());
        entries.add(entry);
        return entry;
    }

    int first() {
        return first;
    }

    int end() {
        return first + entries.size();
    }

    /** The entries from a position on (or from the oldest still held), oldest first. */
    List<Entry> since(int position) {
        int from = Math.max(position, first) - first;
        return from >= entries.size() ? List.of() : List.copyOf(entries.subList(from, entries.size()));
    }

    void dropOldest(int count) {
        entries.subList(0, count).clear();
        first += count;
        LOG.debug("Dropped the oldest {} notification(s) of channel {}", count, name);
    }

    /**
     * What an await keeps about this recording for some key columns (its index), created on first use; a new one after
     * a reset, since positions then count from zero again.
     */
    <T> T index(List<String> columns, Class<T> type, Function<List<String>, T> create) {
        return type.cast(indexes.computeIfAbsent(columns, create::apply));
    }

    void clear() {
        entries.clear();
        indexes.clear();
        first = 0;
    }

    // Claims:

    /** Guards every claim of this channel's entries; never taken by the listener. */
    Object claimLock() {
        return claimLock;
    }

    /** Claims an entry for one await, unless another await did already. */
    boolean claim(Entry entry) {
        synchronized (claimLock) {
            if (entry.claimed()) {
                return false;
            }
            entry.markClaimed();
            return true;
        }
    }

    /** Claims all of these entries for one await, or none if another await took one of them meanwhile. */
    boolean claimAll(List<Entry> chosen) {
        synchronized (claimLock) {
            if (chosen.stream().anyMatch(Entry::claimed)) {
                return false;
            }
            chosen.forEach(Entry::markClaimed);
            return true;
        }
    }
}
