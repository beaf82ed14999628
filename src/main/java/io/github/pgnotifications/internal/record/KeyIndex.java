package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The first change event per action and key on one channel, extended as notifications arrive. */
final class KeyIndex {

    private final List<String> explicitColumns;
    private final KeyResolver resolver;
    private final Map<String, Integer> first = new HashMap<>();
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
        first.putIfAbsent(entry(event.action(), key), position);
    }

    private List<String> columnsFor(ChangeEvent event) {
        return explicitColumns.isEmpty() ? resolver.keyOf(event.schema(), event.table()) : explicitColumns;
    }

    /** Drops the entry of a change that is no longer held, if it is the one indexed. */
    void forget(ChangeEvent event, int position) {
        if (position < indexed) {
            String key = Keys.ofRow(event.record(), columnsFor(event));
            if (key != null) {
                first.remove(entry(event.action(), key), position);
            }
        }
    }

    /** The position of the first change with this action and key, or null. */
    Integer find(ChangeEvent.Action action, String key) {
        return first.get(entry(action, key));
    }

    /** Tables seen on this channel that have no key to match ids against. */
    Set<String> keylessTables() {
        return keylessTables;
    }

    private static String entry(ChangeEvent.Action action, String key) {
        return action.name() + ':' + key;
    }
}
