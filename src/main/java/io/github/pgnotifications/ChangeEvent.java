package io.github.pgnotifications;

import io.github.pgnotifications.internal.values.RowMapping;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change reported by a change trigger: the payload {@code {"timestamp", "action", "db_schema", "table",
 * "record", "old", "seq"}} parsed. Column values arrive as the Java types of their PostgreSQL columns (see the
 * table in docs/payloads.md: {@code Long} for {@code bigint}, {@code BigDecimal} for {@code numeric},
 * {@code OffsetDateTime} in UTC for {@code timestamptz}, ...); values of tables the library does not know keep their
 * JSON types.
 *
 * @param action         what happened
 * @param schema         the schema of the table the trigger was installed on ({@code db_schema})
 * @param table          the table the trigger was installed on: for a partitioned table, the parent
 * @param partition      the partition the row is in (for a delete: was in), or {@code null} when the table is not
 *                       partitioned
 * @param record         the new row for inserts and updates, the deleted row for deletes; empty for a truncate
 * @param old            the row before an update; empty, never null, for inserts, deletes and truncates
 * @param timestamp      the start time of the writing transaction, in UTC, or {@code null} when the payload has none
 * @param seq            the number the trigger gave this change, increasing in the order the changes were made, or
 *                       {@code null} when the payload has none (a trigger of your own)
 * @param truncated      true when the row was too large for one notification and {@code record}/{@code old} lack
 *                       the columns in {@code omittedColumns}
 * @param omittedColumns the columns left out of a truncated payload, largest first; empty when nothing was left out
 * @param notification   the notification the change was read from
 */
public record ChangeEvent(
        Action action,
        String schema,
        String table,
        String partition,
        Map<String, Object> record,
        Map<String, Object> old,
        OffsetDateTime timestamp,
        Long seq,
        boolean truncated,
        List<String> omittedColumns,
        Notification notification) {

    /** The kind of change. */
    public enum Action {
        /** A row was inserted. */
        INSERT,
        /** A row was updated (within one partition: a row that moves to another arrives as DELETE and INSERT). */
        UPDATE,
        /** A row was deleted. */
        DELETE,
        /** The table was truncated: one event per table per {@code TRUNCATE} statement, with no row. */
        TRUNCATE
    }

    /**
     * Checks the required components; missing row images become empty maps.
     *
     * @param action         what happened; required
     * @param schema         the table's schema
     * @param table          the table's name
     * @param partition      the partition's name, or {@code null}
     * @param record         the new row for inserts and updates, the deleted row for deletes; null becomes empty
     * @param old            the row before an update; null becomes empty
     * @param timestamp      the start time of the writing transaction, or {@code null}
     * @param seq            the change's number, or {@code null}
     * @param truncated      true when the row images lack some columns
     * @param omittedColumns the columns left out; null becomes empty
     * @param notification   the notification the change was read from; required
     */
    public ChangeEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(notification, "notification");
        record = record == null ? Map.of() : record;
        old = old == null ? Map.of() : old;
        omittedColumns = omittedColumns == null ? List.of() : List.copyOf(omittedColumns);
    }

    /**
     * The row as an object of your own type: a record (by component name) or a class with a no-argument constructor
     * (by field name). A column {@code order_id} fills {@code orderId}; columns without a property are skipped.
     * Values convert only where nothing is lost ({@code bigint} into {@code int} when it fits, {@code numeric} into
     * {@code BigDecimal}, {@code timestamptz} into {@code Instant} or {@code OffsetDateTime}, text into an enum).
     *
     * <p>A JPA entity ({@code @Entity} of {@code jakarta.persistence}, read reflectively) is read by its annotations:
     * a field fills from its {@code @Column(name)}, else its own name or that name in snake_case; a
     * {@code @ManyToOne}/{@code @OneToOne} field from its {@code @JoinColumn(name)} (by default {@code customer_id}
     * for {@code customer}) as an instance of the referred entity with only its {@code @Id} set; collections,
     * inverse sides ({@code mappedBy}), {@code @Transient} and static fields are left alone. Every other field must
     * find its column: the failure names each that does not.
     *
     * <pre>{@code OrderRow order = event.recordAs(OrderRow.class);}</pre>
     *
     * @param type the type to read the row as
     * @param <T>  the type
     * @return the row as {@code type}
     * @throws IllegalArgumentException naming the column and value that do not fit, and what to declare instead; for
     *                                  an entity, also naming every field no column fills
     */
    public <T> T recordAs(Class<T> type) {
        return RowMapping.map(record, Objects.requireNonNull(type, "type"), "the record of " + describe());
    }

    /**
     * The row before an update as an object of your own type, read as {@link #recordAs(Class)} reads the record.
     *
     * @param type the type to read the row as
     * @param <T>  the type
     * @return the old row as {@code type}
     * @throws IllegalStateException    if this is not an update
     * @throws IllegalArgumentException naming the column and value that do not fit
     */
    public <T> T oldAs(Class<T> type) {
        if (action != Action.UPDATE) {
            throw new IllegalStateException("Cannot read the old row of " + describe() + ": only an UPDATE has one. Use"
                    + " recordAs(" + type.getSimpleName() + ".class) for the row of an " + action + ".");
        }
        return RowMapping.map(old, Objects.requireNonNull(type, "type"), "the old row of " + describe());
    }

    /** For messages: {@code UPDATE on public.payment (partition payment_p2022_03)}. */
    private String describe() {
        return action + " on " + schema + "." + table + (partition == null ? "" : " (partition " + partition + ")")
                + (truncated ? " (truncated, without " + omittedColumns + ")" : "");
    }
}
