package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.diagnostics.Texts;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The key columns of the tables whose triggers send to each channel, known before anything arrives, so that an await
 * whose id cannot match fails at once: a table without a key, or an id with the wrong number of values.
 *
 * @param byChannel   per channel, each installed table ({@code schema.table}) and its key columns (empty: no key)
 * @param suggestions per table without a key ({@code schema.table}), a column it has that keyedBy could name
 */
public record ChannelKeys(Map<String, Map<String, List<String>>> byChannel, Map<String, String> suggestions) {

    public ChannelKeys {
        byChannel = Map.copyOf(byChannel);
        suggestions = Map.copyOf(suggestions);
    }

    public ChannelKeys(Map<String, Map<String, List<String>>> byChannel) {
        this(byChannel, Map.of());
    }

    /** An await by id on a channel whose table(s) have no key: the message suggests a column the first one has. */
    IllegalArgumentException noKey(String channel, List<String> tables, Object id) {
        return new IllegalArgumentException(Messages.noKey(channel, tables, Texts.value(id),
                suggestions.get(tables.get(0))));
    }

    /**
     * @throws IllegalArgumentException if a table of the channel has no key and no {@code keyedBy} names one, or if
     *                                  the id has another number of values than the key has columns
     */
    void check(String channel, KeyColumns keys, Object id) {
        int given = id instanceof Collection<?> parts ? parts.size() : 1;
        if (keys.isExplicit()) {
            if (given != keys.explicit().size()) {
                throw new IllegalArgumentException(Messages.wrongKeyArity(channel, "keyedBy", keys.explicit(),
                        Texts.value(id), given));
            }
            return;
        }
        Map<String, List<String>> tables = byChannel.getOrDefault(channel, Map.of());
        tables.forEach((table, columns) -> {
            if (columns.isEmpty()) {
                throw noKey(channel, List.of(table), id);
            }
            if (columns.size() != given) {
                throw new IllegalArgumentException(Messages.wrongKeyArity(channel, "table " + table, columns,
                        Texts.value(id), given));
            }
        });
    }
}
