package io.github.pgnotifications.internal.diagnostics;

import java.util.List;

/**
 * One recorded notification as failure messages show it, in plain values.
 *
 * @param channel      the channel it arrived on
 * @param offsetMillis when it arrived, in milliseconds since the test started
 * @param action       {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code TRUNCATE}; null when the payload is
 *                     not a change event
 * @param table        {@code schema.table} of a change event, else null
 * @param keyColumns   the columns its key is read from (the await's {@code keyedBy}, else the table's key); empty when
 *                     the table has none
 * @param key          the key: one column's value, or the list of a composite key's values; null when not keyed
 * @param keyed        whether the row had every key column
 * @param claimed      whether an await has returned it
 * @param truncated    whether its payload was cut to the key columns
 * @param payload      the payload as it arrived
 */
public record Seen(String channel, long offsetMillis, String action, String table, List<String> keyColumns, Object key,
                   boolean keyed, boolean claimed, boolean truncated, String payload) {

    public Seen {
        keyColumns = List.copyOf(keyColumns);
    }

    public boolean isChange() {
        return action != null;
    }
}
