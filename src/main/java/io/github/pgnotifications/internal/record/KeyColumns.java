package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Which columns identify a row for an await: the ones named with {@code keyedBy}, else each table's own key.
 *
 * @param explicit the columns of {@code keyedBy}, or empty
 * @param resolver each table's own key
 */
record KeyColumns(List<String> explicit, KeyResolver resolver) {

    KeyColumns {
        explicit = List.copyOf(explicit);
    }

    /** The key columns of the event's table; empty when it has none. */
    List<String> of(ChangeEvent event) {
        return explicit.isEmpty() ? resolver.keyOf(event.schema(), event.table()) : explicit;
    }

    /** Whether the event's row has every key column (a truncated payload or {@code keyedBy} may lack some). */
    boolean present(ChangeEvent event) {
        List<String> columns = of(event);
        return !columns.isEmpty() && event.record().keySet().containsAll(columns);
    }

    /** The key of the event's row: the value of a single key column, or the list of a composite key's values. */
    Object valueOf(ChangeEvent event) {
        List<String> columns = of(event);
        if (columns.size() == 1) {
            return event.record().get(columns.get(0));
        }
        List<Object> values = new ArrayList<>();
        columns.forEach(column -> values.add(event.record().get(column)));
        return values;
    }

    boolean isExplicit() {
        return !explicit.isEmpty();
    }
}
