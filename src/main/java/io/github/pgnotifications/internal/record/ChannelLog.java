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
 * Not thread-safe: guarded by the {@link Journal}'s lock.
 */
final class ChannelLog {

    private final List<Notification> notifications = new ArrayList<>();
    private final List<ChangeEvent> changes = new ArrayList<>();
    private final Map<List<String>, KeyIndex> indexes = new HashMap<>();
    private final BitSet claimed = new BitSet();

    void add(Notification notification) {
        notifications.add(notification);
    }

    int size() {
        return notifications.size();
    }

    Notification notification(int position) {
        return notifications.get(position);
    }

    /** The change event at a position, or null when that notification is not a change event. */
    ChangeEvent change(int position) {
        while (changes.size() <= position) {
            changes.add(PayloadParser.parse(notifications.get(changes.size())).orElse(null));
        }
        return changes.get(position);
    }

    List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    List<ChangeEvent> changes() {
        List<ChangeEvent> result = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
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
        claimed.set(position);
    }

    /** The positions of the notifications no await has returned. */
    List<Integer> unclaimed() {
        List<Integer> positions = new ArrayList<>();
        for (int i = claimed.nextClearBit(0); i < size(); i = claimed.nextClearBit(i + 1)) {
            positions.add(i);
        }
        return positions;
    }

    void clear() {
        notifications.clear();
        changes.clear();
        indexes.clear();
        claimed.clear();
    }
}
