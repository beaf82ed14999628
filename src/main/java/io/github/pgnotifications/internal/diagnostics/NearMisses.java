package io.github.pgnotifications.internal.diagnostics;

import io.github.pgnotifications.internal.values.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What almost matched an await by id, for its failure message: the same key with another action, the change an
 * earlier await already took, the same action with other keys, the key on another channel, payloads that are not
 * change events, changes whose row lacks the key columns. Keys are read as the await reads them.
 */
public final class NearMisses {

    private static final int MAX_KEYS_SHOWN = 10;

    private NearMisses() {
    }

    /**
     * @param action   the awaited action, e.g. {@code INSERT}; null for an await by condition
     * @param id       the awaited key; null for an await by condition
     * @param channel  the awaited channel
     * @param channels what every listened channel recorded, the awaited one included
     */
    public static List<String> find(String action, Object id, String channel, Map<String, List<Seen>> channels) {
        List<Seen> here = channels.get(channel);
        List<String> lines = new ArrayList<>();
        if (action != null) {
            lines.addAll(sameKeyOtherAction(action, id, here));
            alreadyReturned(action, id, here).ifPresent(lines::add);
            sameActionOtherKeys(action, id, here).ifPresent(lines::add);
            withoutKey(action, here).ifPresent(lines::add);
            channels.forEach((name, other) -> {
                if (!name.equals(channel) && other.stream().anyMatch(seen -> same(seen, action, id))) {
                    lines.add(action + " with that key arrived on channel '" + name + "' instead");
                }
            });
        }
        long notChanges = here.stream().filter(seen -> !seen.isChange()).count();
        if (notChanges > 0) {
            lines.add(notChanges + " notification(s) on '" + channel + "' are not change events (payload not JSON of"
                    + " the change shape); awaits by id skip them");
        }
        return lines;
    }

    private static boolean same(Seen seen, String action, Object id) {
        return seen.isChange() && seen.keyed() && seen.action().equals(action) && Values.matches(seen.key(), id);
    }

    private static List<String> sameKeyOtherAction(String action, Object id, List<Seen> here) {
        List<String> actions = here.stream()
                .filter(seen -> seen.isChange() && seen.keyed() && !seen.action().equals(action)
                        && Values.matches(seen.key(), id))
                .map(Seen::action).distinct().toList();
        List<String> lines = new ArrayList<>(actions.stream()
                .map(other -> "the same key arrived as " + other + ", not " + action).toList());
        if (action.equals("UPDATE") && actions.contains("DELETE") && actions.contains("INSERT")) {
            lines.add("if the update moved the row to another partition, that is how it arrives: PostgreSQL deletes"
                    + " it from one partition and inserts it into the other (see partition()); await the DELETE and"
                    + " the INSERT");
        }
        return lines;
    }

    private static Optional<String> alreadyReturned(String action, Object id, List<Seen> here) {
        boolean taken = here.stream().anyMatch(seen -> same(seen, action, id) && seen.claimed());
        return taken ? Optional.of("an earlier await already returned the " + action + " with that key: each await"
                + " takes its own change, so awaiting it again waits for another one") : Optional.empty();
    }

    private static Optional<String> sameActionOtherKeys(String action, Object id, List<Seen> here) {
        List<String> others = here.stream()
                .filter(seen -> seen.isChange() && seen.keyed() && seen.action().equals(action)
                        && !Values.matches(seen.key(), id))
                .map(seen -> Texts.value(seen.key())).distinct().toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join(", ", others.subList(0, Math.min(others.size(), MAX_KEYS_SHOWN)))
                + (others.size() > MAX_KEYS_SHOWN ? ", ..." : "");
        return Optional.of(action + " arrived for other keys: " + shown);
    }

    /** Changes whose row lacks the key columns: a payload cut to the table's key, or {@code keyedBy} a wrong name. */
    private static Optional<String> withoutKey(String action, List<Seen> here) {
        List<Seen> unkeyed = here.stream()
                .filter(seen -> seen.isChange() && !seen.keyed() && seen.action().equals(action)
                        && !seen.keyColumns().isEmpty())
                .toList();
        if (unkeyed.isEmpty()) {
            return Optional.empty();
        }
        long truncated = unkeyed.stream().filter(Seen::truncated).count();
        return Optional.of(unkeyed.size() + " " + action + "(s) arrived without the key column(s) "
                + unkeyed.get(0).keyColumns() + (truncated > 0 ? ": " + truncated + " of them truncated (the row was"
                + " too large for one notification, so its largest columns were left out)" : "")
                + "; such changes cannot be awaited by that key");
    }
}
