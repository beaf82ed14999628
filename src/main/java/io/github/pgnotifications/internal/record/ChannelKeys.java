package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.diagnostics.Texts;
import io.github.pgnotifications.internal.values.ColumnType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
     * The installed tables ({@code schema.table}) whose triggers send to these channels; empty when one of them has
     * none (a channel only a team's own NOTIFY sends to), which means any table.
     */
    List<String> tablesOf(Collection<String> channels) {
        List<String> tables = new ArrayList<>();
        for (String channel : channels) {
            Map<String, List<String>> installed = byChannel.getOrDefault(channel, Map.of());
            if (installed.isEmpty()) {
                return List.of();
            }
            tables.addAll(installed.keySet());
        }
        return tables;
    }

    /**
     * @throws IllegalArgumentException if a table of the channel has no key and no {@code keyedBy} names one, or if
     *                                  the id has another number of values than the key has columns
     */
    void check(String channel, KeyColumns keys, Object id, RowTypes types) {
        int given = id instanceof Collection<?> parts ? parts.size() : 1;
        Map<String, List<String>> tables = byChannel.getOrDefault(channel, Map.of());
        if (keys.isExplicit()) {
            if (given != keys.explicit().size()) {
                throw new IllegalArgumentException(Messages.wrongKeyArity(channel, "keyedBy", keys.explicit(),
                        Texts.value(id), given));
            }
            tables.keySet().forEach(table -> checkTypes(channel, table, keys.explicit(), id, types));
            return;
        }
        tables.forEach((table, columns) -> {
            if (columns.isEmpty()) {
                throw noKey(channel, List.of(table), id);
            }
            if (columns.size() != given) {
                throw new IllegalArgumentException(Messages.wrongKeyArity(channel, "table " + table, columns,
                        Texts.value(id), given));
            }
            checkTypes(channel, table, columns, id, types);
        });
    }

    /**
     * @throws IllegalArgumentException if a value of the id can never match its key column's values (a UUID for a
     *                                  bigint), so that the await fails now rather than after its timeout
     */
    private static void checkTypes(String channel, String table, List<String> columns, Object id, RowTypes types) {
        int dot = table.indexOf('.');
        Map<String, ColumnType> columnTypes = types.of(table.substring(0, dot), table.substring(dot + 1));
        List<?> values = columns.size() == 1 ? Collections.singletonList(id) : List.copyOf((Collection<?>) id);
        for (int i = 0; i < columns.size(); i++) {
            ColumnType type = columnTypes.get(columns.get(i));
            Object value = values.get(i);
            if (type != null && value != null && !type.canMatch(value)) {
                throw new IllegalArgumentException(Messages.wrongKeyType(channel, Texts.value(value),
                        value.getClass().getSimpleName(), columns.get(i), table, type.sqlName(),
                        type.whatMatches()));
            }
        }
    }
}
