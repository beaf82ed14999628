package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What almost matched an await by id, for its failure message: the same key with another action, the same action
 * with other keys, the key on another channel, payloads that are not change events.
 */
final class NearMisses {

    private static final int MAX_KEYS_SHOWN = 10;

    private NearMisses() {
    }

    static List<String> find(Expectation expected, String channel, Map<String, ChannelLog> channels,
                             KeyResolver keys) {
        List<String> lines = new ArrayList<>();
        ChannelLog log = channels.get(channel);
        if (expected.byId()) {
            sameKeyOtherAction(expected, log, keys).forEach(lines::add);
            alreadyReturned(expected, log, keys).ifPresent(lines::add);
            sameActionOtherKeys(expected, log, keys).ifPresent(lines::add);
            channels.forEach((name, other) -> {
                if (!name.equals(channel) && position(other, expected, keys) >= 0) {
                    lines.add(expected.action() + " with that key arrived on channel '" + name + "' instead");
                }
            });
        }
        long notChanges = countNotChanges(log);
        if (notChanges > 0) {
            lines.add(notChanges + " notification(s) on '" + channel + "' are not change events (payload not JSON of"
                    + " the change shape); awaits by id skip them");
        }
        return lines;
    }

    private static List<String> sameKeyOtherAction(Expectation expected, ChannelLog log, KeyResolver keys) {
        List<String> lines = new ArrayList<>();
        for (int i = log.first(); i < log.end(); i++) {
            ChangeEvent event = log.change(i);
            if (event != null && event.action() != expected.action() && expected.key().equals(key(event, keys))) {
                lines.add("the same key arrived as " + event.action() + ", not " + expected.action());
            }
        }
        return lines.stream().distinct().toList();
    }

    private static Optional<String> sameActionOtherKeys(Expectation expected, ChannelLog log,
                                                                  KeyResolver keys) {
        List<String> others = new ArrayList<>();
        for (int i = log.first(); i < log.end(); i++) {
            ChangeEvent event = log.change(i);
            String key = event == null ? null : key(event, keys);
            if (event != null && event.action() == expected.action() && !expected.key().equals(key)) {
                others.add(String.valueOf(key).replace('\0', ','));
            }
        }
        if (others.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join(", ", others.subList(0, Math.min(others.size(), MAX_KEYS_SHOWN)))
                + (others.size() > MAX_KEYS_SHOWN ? ", ..." : "");
        return Optional.of(expected.action() + " arrived for other keys: " + shown);
    }

    private static Optional<String> alreadyReturned(Expectation expected, ChannelLog log, KeyResolver keys) {
        int position = position(log, expected, keys);
        return position < 0 ? Optional.empty() : Optional.of("an earlier await already returned the " + expected.action()
                + " with that key: each await takes its own change, so awaiting it again waits for another one");
    }

    private static int position(ChannelLog log, Expectation expected, KeyResolver keys) {
        for (int i = log.first(); i < log.end(); i++) {
            ChangeEvent event = log.change(i);
            if (event != null && event.action() == expected.action() && expected.key().equals(key(event, keys))) {
                return i;
            }
        }
        return -1;
    }

    private static long countNotChanges(ChannelLog log) {
        long count = 0;
        for (int i = log.first(); i < log.end(); i++) {
            if (log.change(i) == null) {
                count++;
            }
        }
        return count;
    }

    private static String key(ChangeEvent event, KeyResolver keys) {
        return Keys.ofRow(event.record(), keys.keyOf(event.schema(), event.table()));
    }
}
