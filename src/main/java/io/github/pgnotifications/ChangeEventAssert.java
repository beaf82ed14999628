package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.AssertionMessages;
import io.github.pgnotifications.internal.values.Values;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one change event. Column values compare by value: {@code 7} matches the JSON number 7 whether given as
 * {@code int}, {@code long} or {@code BigDecimal}; other values by {@code equals}. Obtain one with
 * {@link PgNotificationsAssertions#assertThat(ChangeEvent)}.
 *
 * <pre>{@code
 * assertThat(recorder.channel("users").awaitUpdate(42))
 *         .hasTable("users")
 *         .changed("last_name", "Lovelace", "King")
 *         .hasChangedColumns("last_name");
 * }</pre>
 */
public final class ChangeEventAssert extends AbstractAssert<ChangeEventAssert, ChangeEvent> {

    ChangeEventAssert(ChangeEvent actual) {
        super(actual, ChangeEventAssert.class);
    }

    /**
     * Checks what happened to the row.
     *
     * <pre>{@code assertThat(event).hasAction(ChangeEvent.Action.UPDATE);}</pre>
     *
     * @param action the expected action
     * @return this assertion object
     */
    public ChangeEventAssert hasAction(ChangeEvent.Action action) {
        isNotNull();
        Objects.requireNonNull(action, "action");
        if (actual.action() != action) {
            failWithActualExpectedAndMessage(actual.action(), action, AssertionMessages.HAS_ACTION, summary(), action,
                    actual.action());
        }
        return myself;
    }

    /**
     * Checks that a row was inserted.
     *
     * <pre>{@code assertThat(event).isInsert();}</pre>
     *
     * @return this assertion object
     */
    public ChangeEventAssert isInsert() {
        return hasAction(ChangeEvent.Action.INSERT);
    }

    /**
     * Checks that a row was updated.
     *
     * <pre>{@code assertThat(event).isUpdate();}</pre>
     *
     * @return this assertion object
     */
    public ChangeEventAssert isUpdate() {
        return hasAction(ChangeEvent.Action.UPDATE);
    }

    /**
     * Checks that a row was deleted.
     *
     * <pre>{@code assertThat(event).isDelete();}</pre>
     *
     * @return this assertion object
     */
    public ChangeEventAssert isDelete() {
        return hasAction(ChangeEvent.Action.DELETE);
    }

    /**
     * Checks the table's name, without its schema.
     *
     * <pre>{@code assertThat(event).hasTable("users");}</pre>
     *
     * @param table the expected table name, exactly as in the catalog
     * @return this assertion object
     */
    public ChangeEventAssert hasTable(String table) {
        isNotNull();
        if (!Objects.equals(actual.table(), table)) {
            failWithActualExpectedAndMessage(actual.table(), table, AssertionMessages.HAS_TABLE, summary(), show(table),
                    show(actual.table()));
        }
        return myself;
    }

    /**
     * Checks the table's schema.
     *
     * <pre>{@code assertThat(event).hasSchema("public");}</pre>
     *
     * @param schema the expected schema name
     * @return this assertion object
     */
    public ChangeEventAssert hasSchema(String schema) {
        isNotNull();
        if (!Objects.equals(actual.schema(), schema)) {
            failWithActualExpectedAndMessage(actual.schema(), schema, AssertionMessages.HAS_SCHEMA, summary(),
                    show(schema), show(actual.schema()));
        }
        return myself;
    }

    /**
     * Checks a column of the record: the new row for inserts and updates, the deleted row for deletes.
     *
     * <pre>{@code assertThat(event).hasRecordContaining("first_name", "Ada").hasRecordContaining("id", 42);}</pre>
     *
     * @param column the column name, as in the row's JSON
     * @param value  the expected value, compared by value; {@code null} for SQL {@code NULL}
     * @return this assertion object
     */
    public ChangeEventAssert hasRecordContaining(String column, Object value) {
        isNotNull();
        requireColumn(actual.record(), "record", column);
        Object found = actual.record().get(column);
        if (!Values.matches(found, value)) {
            failWithActualExpectedAndMessage(found, value, AssertionMessages.RECORD_VALUE, header(),
                    show(actual.record()), show(column), show(value), show(column), show(found));
        }
        return myself;
    }

    /**
     * Checks that an update changed a column from one value to another: the old row has {@code from}, the new row
     * {@code to}.
     *
     * <pre>{@code assertThat(users.awaitUpdate(42)).changed("last_name", "Lovelace", "King");}</pre>
     *
     * @param column the column name, as in the row's JSON
     * @param from   the expected value before the update, compared by value
     * @param to     the expected value after the update, compared by value
     * @return this assertion object
     */
    public ChangeEventAssert changed(String column, Object from, Object to) {
        isNotNull();
        requireUpdate();
        requireColumn(actual.old(), "old row", column);
        requireColumn(actual.record(), "record", column);
        Object before = actual.old().get(column);
        Object after = actual.record().get(column);
        if (!Values.matches(before, from) || !Values.matches(after, to)) {
            failWithActualExpectedAndMessage(show(before) + " -> " + show(after), show(from) + " -> " + show(to),
                    AssertionMessages.CHANGED, header(), show(column), show(from), show(to), show(before),
                    show(after), AssertionMessages.truncatedHint(actual.truncated(), actual.omittedColumns()));
        }
        return myself;
    }

    /**
     * Checks that an update changed exactly these columns: those whose value differs between the old row and the
     * new one.
     *
     * <pre>{@code assertThat(users.awaitUpdate(42)).hasChangedColumns("first_name", "last_name");}</pre>
     *
     * @param columns the columns expected to differ, in any order; none for an update that changed nothing
     * @return this assertion object
     */
    public ChangeEventAssert hasChangedColumns(String... columns) {
        isNotNull();
        Objects.requireNonNull(columns, "columns");
        requireUpdate();
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(columns));
        Set<String> changed = Values.changedColumns(actual.old(), actual.record());
        if (!changed.equals(expected)) {
            failWithActualExpectedAndMessage(changed, expected, AssertionMessages.CHANGED_COLUMNS, header(),
                    show(expected), show(changed), AssertionMessages.truncatedHint(actual.truncated(), actual.omittedColumns()));
        }
        return myself;
    }

    /**
     * Checks that the row was too large for one notification, so that its largest columns were left out.
     *
     * <pre>{@code assertThat(recorder.channel("documents").awaitInsert(1)).isTruncated();}</pre>
     *
     * @return this assertion object
     */
    public ChangeEventAssert isTruncated() {
        isNotNull();
        if (!actual.truncated()) {
            failWithActualExpectedAndMessage(false, true, AssertionMessages.TRUNCATED, summary());
        }
        return myself;
    }

    /**
     * Checks that the event carries the whole row: nothing was left out to fit a notification.
     *
     * <pre>{@code assertThat(event).isNotTruncated().hasRecordContaining("body", text);}</pre>
     *
     * @return this assertion object
     */
    public ChangeEventAssert isNotTruncated() {
        isNotNull();
        if (actual.truncated()) {
            failWithActualExpectedAndMessage(true, false, AssertionMessages.NOT_TRUNCATED, summary(),
                    show(actual.omittedColumns()));
        }
        return myself;
    }

    private void requireUpdate() {
        if (actual.action() != ChangeEvent.Action.UPDATE) {
            failWithActualExpectedAndMessage(actual.action(), ChangeEvent.Action.UPDATE,
                    AssertionMessages.NOT_AN_UPDATE, summary(), actual.action());
        }
    }

    private void requireColumn(Map<String, Object> image, String imageName, String column) {
        Objects.requireNonNull(column, "column");
        if (!image.containsKey(column)) {
            failWithMessage(AssertionMessages.MISSING_COLUMN, imageName, header(), show(image), show(column),
                    show(image.keySet()), AssertionMessages.truncatedHint(actual.truncated(), actual.omittedColumns()));
        }
    }

    private String summary() {
        return AssertionMessages.summary(header(), show(actual.record()),
                actual.action() == ChangeEvent.Action.UPDATE ? show(actual.old()) : null);
    }

    private String header() {
        return AssertionMessages.header(actual.action().name(), actual.schema(), actual.table(), actual.truncated());
    }

    private String show(Object value) {
        return info.representation().toStringOf(value);
    }
}
