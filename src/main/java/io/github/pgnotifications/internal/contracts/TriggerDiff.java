package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.contracts.ContractChange.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trigger's side of a catalog contract ({@code x-pg-notifications}): the actions it fires on, its
 * {@code UPDATE OF} columns and {@code WHEN}, the key, the tables sending on the channel. Observed contracts have
 * none of these, so nothing is compared for them.
 */
final class TriggerDiff {

    private static final String META = "x-pg-notifications";

    private final String channel;
    private final Map<String, Object> before;
    private final Map<String, Object> after;
    private final List<ContractChange> changes = new ArrayList<>();

    private TriggerDiff(String channel, Map<String, Object> before, Map<String, Object> after) {
        this.channel = channel;
        this.before = before;
        this.after = after;
    }

    static List<ContractChange> compare(String channel, Map<String, Object> committed, Map<String, Object> current) {
        TriggerDiff diff = new TriggerDiff(channel, meta(committed), meta(current));
        diff.members("actions", "/action", "action no longer fired: ", "new action: ");
        diff.members("tables", "", "table no longer sends on this channel: ", "new table on this channel: ");
        diff.key();
        diff.updateOf();
        diff.when();
        return diff.changes;
    }

    /** Whether the contract lists the actions its trigger fires on (then {@code action}'s values are those). */
    static boolean hasActions(Map<String, Object> schema) {
        return meta(schema).containsKey("actions");
    }

    /** Names a column kept out of the payload with its reason, from the current contract. */
    static Map<String, Object> keptOut(Map<String, Object> schema) {
        return SchemaShape.asMap(meta(schema).get("kept-out"));
    }

    private void members(String name, String path, String gone, String added) {
        if (!before.containsKey(name) || !after.containsKey(name)) {
            return;
        }
        Set<String> old = texts(before.get(name));
        Set<String> now = texts(after.get(name));
        old.stream().filter(member -> !now.contains(member))
                .forEach(member -> add(Kind.BREAKING, path, list(old), list(now), gone + member));
        now.stream().filter(member -> !old.contains(member))
                .forEach(member -> add(Kind.ADDITIVE, path, list(old), list(now), added + member));
    }

    private void key() {
        Object old = before.get("key");
        Object now = after.get("key");
        if (before.containsKey("key") && after.containsKey("key") && !Objects.equals(old, now)) {
            add(Kind.BREAKING, "", keyWords(old), keyWords(now), "key changed");
        }
    }

    /** An empty {@code update-of} is every column. */
    private void updateOf() {
        if (!before.containsKey("update-of") || !after.containsKey("update-of")) {
            return;
        }
        Set<String> old = texts(before.get("update-of"));
        Set<String> now = texts(after.get("update-of"));
        if (old.equals(now)) {
            return;
        }
        boolean widened = now.isEmpty() || !old.isEmpty() && now.containsAll(old);
        add(widened ? Kind.ADDITIVE : Kind.BREAKING, "", updateOfWords(old), updateOfWords(now),
                widened ? "UPDATE OF widened" : "UPDATE OF narrowed: some updates no longer fire");
    }

    private void when() {
        Object old = before.get("when");
        Object now = after.get("when");
        if (Objects.equals(old, now) || !before.containsKey("when") || !after.containsKey("when")) {
            return;
        }
        if (now == null) {
            add(Kind.ADDITIVE, "", "WHEN " + old, "no WHEN", "WHEN removed: every row fires");
        } else {
            String what = old == null ? "WHEN added: some rows no longer fire"
                    : "WHEN changed: some rows may no longer fire";
            add(Kind.BREAKING, "", old == null ? "no WHEN" : "WHEN " + old, "WHEN " + now, what);
        }
    }

    private void add(Kind kind, String path, String old, String now, String what) {
        changes.add(new ContractChange(kind, channel, path, old, now, what));
    }

    /** In the key's own order: a key's column order is part of it. */
    private static String keyWords(Object key) {
        String words = String.join(", ", SchemaShape.asList(key).stream().map(String::valueOf).toList());
        return words.isEmpty() ? "no key" : words;
    }

    private static String updateOfWords(Set<String> columns) {
        return columns.isEmpty() ? "every UPDATE" : "UPDATE OF " + list(columns);
    }

    private static Set<String> texts(Object values) {
        Set<String> texts = new TreeSet<>();
        SchemaShape.asList(values).forEach(value -> texts.add(String.valueOf(value)));
        return texts;
    }

    private static String list(Set<String> values) {
        return String.join(", ", values);
    }

    private static Map<String, Object> meta(Map<String, Object> schema) {
        return SchemaShape.asMap(schema.get(META));
    }
}
