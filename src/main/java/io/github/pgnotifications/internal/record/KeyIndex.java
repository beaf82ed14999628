package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.internal.values.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The change events of one channel by action and key, oldest first, extended as notifications arrive, so that
 * finding an id costs the same however much was recorded. Keys are {@link Values#hashKey} texts; a candidate is
 * confirmed by {@link Values#matches}. Built by the awaiting threads, never the listener. Thread-safe: guarded by
 * itself.
 */
final class KeyIndex {

    private final KeyColumns keyColumns;
    private final PayloadParser parser;
    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final Set<String> keylessTables = new LinkedHashSet<>();
    private final Map<ChangeEvent.Action, ChangeEvent> truncatedWithoutKey = new HashMap<>();
    private int indexed;
    private int prunedBelow;

    KeyIndex(KeyColumns keyColumns, PayloadParser parser) {
        this.keyColumns = keyColumns;
        this.parser = parser;
    }

    /**
     * Claims the oldest unclaimed change with this action and key for the caller.
     *
     * @param newEntries the channel's entries from a position on, read under the journal's lock
     * @param claim      claims an entry for the caller, unless another await did already
     * @return the claimed entry, or null if none has arrived yet
     */
    synchronized Entry claimOldest(ChangeEvent.Action action, Object id, IntFunction<List<Entry>> newEntries,
                                   int firstHeld, Predicate<Entry> claim) {
        catchUp(newEntries.apply(indexed));
        prune(firstHeld);
        List<Entry> candidates = byKey.get(entryKey(action, Values.hashKey(id)));
        if (candidates == null) {
            return null;
        }
        for (Entry candidate : candidates) {
            ChangeEvent event = candidate.change(parser);
            if (!candidate.claimed() && Values.matches(keyColumns.valueOf(event), id) && claim.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void catchUp(List<Entry> entries) {
        for (Entry entry : entries) {
            ChangeEvent event = entry.change(parser);
            if (event != null) {
                add(event, entry);
            }
            indexed = entry.position() + 1;
        }
    }

    private void add(ChangeEvent event, Entry entry) {
        List<String> columns = keyColumns.of(event);
        if (columns.isEmpty()) {
            keylessTables.add(event.schema() + "." + event.table());
            return;
        }
        if (!keyColumns.present(event)) {
            if (event.truncated()) {
                truncatedWithoutKey.putIfAbsent(event.action(), event);
            }
            return;
        }
        byKey.computeIfAbsent(entryKey(event.action(), Values.hashKey(keyColumns.valueOf(event))),
                key -> new ArrayList<>()).add(entry);
    }

    /** Forgets entries the recording no longer holds; they head their lists, being the oldest. */
    private void prune(int firstHeld) {
        if (firstHeld <= prunedBelow) {
            return;
        }
        for (Iterator<List<Entry>> lists = byKey.values().iterator(); lists.hasNext(); ) {
            List<Entry> list = lists.next();
            int dropped = 0;
            while (dropped < list.size() && list.get(dropped).position() < firstHeld) {
                dropped++;
            }
            list.subList(0, dropped).clear();
            if (list.isEmpty()) {
                lists.remove();
            }
        }
        prunedBelow = firstHeld;
    }

    /** Tables seen on this channel that have no key to match ids against. */
    synchronized Set<String> keylessTables() {
        return Set.copyOf(keylessTables);
    }

    /** The first change with this action whose payload was cut so far that it lacks the key columns, or null. */
    synchronized ChangeEvent truncatedWithoutKey(ChangeEvent.Action action) {
        return truncatedWithoutKey.get(action);
    }

    private static String entryKey(ChangeEvent.Action action, String key) {
        return action.name() + ':' + key;
    }
}
