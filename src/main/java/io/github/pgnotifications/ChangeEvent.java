package io.github.pgnotifications;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * A row change reported by a change trigger: the payload {@code {"timestamp", "action", "db_schema", "table",
 * "record", "old"}} parsed. Column values keep their JSON types: numbers, strings, booleans, nested maps and lists,
 * or {@code null}.
 *
 * @param action       what happened to the row
 * @param schema       the table's schema ({@code db_schema})
 * @param table        the table's name
 * @param record       the new row for inserts and updates, the deleted row for deletes
 * @param old          the row before an update; empty, never null, for inserts and deletes
 * @param timestamp    the start time of the writing transaction, or {@code null} when the payload has none
 * @param truncated    true when the row was too large for a notification and {@code record}/{@code old} hold only
 *                     the key columns
 * @param notification the notification the change was read from
 */
public record ChangeEvent(
        Action action,
        String schema,
        String table,
        Map<String, Object> record,
        Map<String, Object> old,
        OffsetDateTime timestamp,
        boolean truncated,
        Notification notification) {

    /** The kind of row change. */
    public enum Action {
        /** A row was inserted. */
        INSERT,
        /** A row was updated. */
        UPDATE,
        /** A row was deleted. */
        DELETE
    }

    /**
     * Checks the required components; missing row images become empty maps.
     *
     * @param action       what happened to the row; required
     * @param schema       the table's schema
     * @param table        the table's name
     * @param record       the new row for inserts and updates, the deleted row for deletes; null becomes empty
     * @param old          the row before an update; null becomes empty
     * @param timestamp    the start time of the writing transaction, or {@code null}
     * @param truncated    true when the row images hold only the key columns
     * @param notification the notification the change was read from; required
     */
    public ChangeEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(notification, "notification");
        record = record == null ? Map.of() : record;
        old = old == null ? Map.of() : old;
    }
}
