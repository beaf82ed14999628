package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.Notification;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What arrived on one channel, in arrival order, with payloads parsed lazily (by the first reader, not the listener
 * thread) and indexes by key built incrementally, so that finding an id costs the same however much was recorded.
 * Positions count from the test's start; the oldest may have been dropped to bound memory, so the retained ones run
 * from {@link #first()} to {@link #end()}. Not thread-safe: guarded by the {@link Journal}'s lock.
 */
final class ChannelLog {

    private final List<Notification> notifications = new ArrayList<>();
    private final List<ChangeEvent> changes = new ArrayList<>();
    private final Map<List<String>, KeyIndex> indexes = new HashMap<>();
    private BitSet claimed = new BitSet();
    private int first;

    void add(Notification notification) {
        notifications.add(notification);
    }

    /** The position of the oldest notification still held. */
    int first() {
        return first;
    }

    /** One past the position of the newest notification. */
    int end() {
        return first + notifications.size();
    }

    /** How many notifications are held. */
    int size() {
        return notifications.size();
    }

    Notification notification(int position) {
        return notifications.get(position - first);
    }

    /** The change event at a position, or null when that notification is not a change event. */
    ChangeEvent change(int position) {
        int index = position - first;
        while (changes.size() <= index) {
            changes.add(PayloadParser.parse(notifications.get(changes.size())).orElse(null));
        }
        return changes.get(index);
    }

    List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    List<ChangeEvent> changes() {
        List<ChangeEvent> result = new ArrayList<>();
        for (int i = first; i < end(); i++) {
            Optional.ofNullable(change(i)).ifPresent(result::add);
        }
        return result;
    }

    /** The index for explicit key columns, or for each table's own key when {@code columns} is empty. */
    KeyIndex index(List<String> columns, KeyResolver resolver) {
        KeyIndex index = indexes.computeIfAbsent(columns, c -> new KeyIndex(c, resolver));
        index.catchUp(this);
        return index;
    }

    /** Marks a notification as returned by an await, so that "nothing else" does not count it. */
    void claim(int position) {
        claimed.set(position - first);
    }

    /** Whether an await has returned the notification at this position. */
    boolean isClaimed(int position) {
        return claimed.get(position - first);
    }

    /** The positions of the notifications held that no await has returned. */
    List<Integer> unclaimed() {
        List<Integer> positions = new ArrayList<>();
        for (int i = claimed.nextClearBit(0); i < size(); i = claimed.nextClearBit(i + 1)) {
            positions.add(first + i);
        }
        return positions;
    }

    /** Forgets the oldest {@code count} notifications, and the index entries that point at them. */
    void dropOldest(int count) {
        for (int position = first; position < first + count; position++) {
            if (position - first < changes.size() && changes.get(position - first) != null) {
                ChangeEvent dropped = changes.get(position - first);
                int at = position;
                indexes.values().forEach(index -> index.forget(dropped, at));
            }
        }
        notifications.subList(0, count).clear();
        changes.subList(0, Math.min(count, changes.size())).clear();
        claimed = claimed.get(count, Math.max(count, claimed.length()));
        first += count;
    }

    void clear() {
        first = 0;
        notifications.clear();
        changes.clear();
        indexes.clear();
        claimed.clear();
    }
}
