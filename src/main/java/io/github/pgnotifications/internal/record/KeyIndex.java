package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The positions of the change events per action and key on one channel, oldest first, extended as notifications
 * arrive. Lookups skip what earlier awaits claimed, so a second await of the same change waits for a second one.
 */
final class KeyIndex {

    private final List<String> explicitColumns;
    private final KeyResolver resolver;
    private final Map<String, ArrayDeque<Integer>> positions = new HashMap<>();
    private final Set<String> keylessTables = new LinkedHashSet<>();
    private int indexed;

    KeyIndex(List<String> explicitColumns, KeyResolver resolver) {
        this.explicitColumns = explicitColumns;
        this.resolver = resolver;
    }

    void catchUp(ChannelLog log) {
        for (indexed = Math.max(indexed, log.first()); indexed < log.end(); indexed++) {
            ChangeEvent event = log.change(indexed);
            if (event != null) {
                add(event, indexed);
            }
        }
    }

    private void add(ChangeEvent event, int position) {
        List<String> columns = columnsFor(event);
        String key = Keys.ofRow(event.record(), columns);
        if (key == null) {
            if (columns.isEmpty()) {
                keylessTables.add(event.schema() + "." + event.table());
            }
            return;
        }
        positions.computeIfAbsent(entry(event.action(), key), k -> new ArrayDeque<>()).addLast(position);
    }

    private List<String> columnsFor(ChangeEvent event) {
        return explicitColumns.isEmpty() ? resolver.keyOf(event.schema(), event.table()) : explicitColumns;
    }

    /** Drops a change that is no longer held; being among the oldest, it heads its key's positions. */
    void forget(ChangeEvent event, int position) {
        if (position < indexed) {
            String key = Keys.ofRow(event.record(), columnsFor(event));
            ArrayDeque<Integer> held = key == null ? null : positions.get(entry(event.action(), key));
            if (held != null) {
                held.remove(position);
            }
        }
    }

    /** The position of the oldest change with this action and key that no await has claimed yet, or null. */
    Integer find(ChangeEvent.Action action, String key, ChannelLog log) {
        ArrayDeque<Integer> held = positions.get(entry(action, key));
        if (held == null) {
            return null;
        }
        for (Integer position : held) {
            if (!log.isClaimed(position)) {
                return position;
            }
        }
        return null;
    }

    /** Tables seen on this channel that have no key to match ids against. */
    Set<String> keylessTables() {
        return keylessTables;
    }

    private static String entry(ChangeEvent.Action action, String key) {
        return action.name() + ':' + key;
    }
}
