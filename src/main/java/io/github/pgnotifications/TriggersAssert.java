package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.AssertionMessages;
import io.github.pgnotifications.internal.assertions.TriggerCatalog;
import io.github.pgnotifications.internal.schema.TableName;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the triggers of a database, read from its catalog each time. Obtain one with
 * {@link PgNotificationsAssertions#assertThatTriggers(DataSource)}.
 *
 * <pre>{@code
 * assertThatTriggers(db).hasTrigger("users", "users_notify")
 *         .isAfter().firesOn("INSERT", "UPDATE", "DELETE").isRowLevel().callsFunction("public.notify_trigger");
 * }</pre>
 */
public final class TriggersAssert extends AbstractAssert<TriggersAssert, DataSource> {

    TriggersAssert(DataSource actual) {
        super(actual, TriggersAssert.class);
    }

    /**
     * Checks that a table has a trigger of this name. Every trigger PostgreSQL fires for the table counts, except the
     * internal ones of constraints such as foreign keys: the library's own change trigger too, and on a partition the
     * copy of its partitioned table's trigger. When there is no such trigger, the failure lists the triggers the table has; when
     * the table or the trigger is there under a name that differs only in case, the failure says so.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_notify").isEnabled();}</pre>
     *
     * @param table the table as {@code @PgNotifications(tables)} names it: the exact name of a table on the search
     *              path, or {@code schema.table}
     * @param name  the trigger's exact name
     * @return assertions on the trigger's definition
     */
    public TriggerDefinitionAssert hasTrigger(String table, String name) {
        isNotNull();
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        List<TriggerCatalog.Row> all = TriggerCatalog.read(actual);
        TableName resolved = TriggerCatalog.table(actual, table).orElseThrow(() -> noSuchTable(table, name, all));
        List<TriggerDefinition> onTable = all.stream().filter(t -> t.schema().equals(resolved.schema())
                && t.table().equals(resolved.name())).map(TriggerDefinition::of).toList();
        Optional<TriggerDefinition> found = onTable.stream().filter(t -> t.name().equals(name)).findFirst();
        if (found.isPresent()) {
            return new TriggerDefinitionAssert(found.get());
        }
        if (onTable.isEmpty()) {
            throw failure(AssertionMessages.TABLE_WITHOUT_TRIGGERS, show(table), show(name));
        }
        Optional<TriggerDefinition> otherCase = onTable.stream().filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst();
        if (otherCase.isPresent()) {
            String stored = otherCase.get().name();
            throw failure(AssertionMessages.TRIGGER_NAME_CASE, show(table), show(name), show(stored),
                    AssertionMessages.caseRule(stored));
        }
        throw failure(AssertionMessages.TRIGGER_NOT_ON_TABLE, show(table), show(name),
                AssertionMessages.lines(onTable.stream().map(TriggerDefinitionAssert::describe).toList()));
    }

    /** A table given in upper case is most likely one created unquoted, which PostgreSQL stored in lower case. */
    private AssertionError noSuchTable(String table, String name, List<TriggerCatalog.Row> all) {
        String lowerCase = table.toLowerCase(Locale.ROOT);
        Optional<TableName> stored = lowerCase.equals(table) ? Optional.empty()
                : TriggerCatalog.table(actual, lowerCase);
        if (stored.isPresent()) {
            return failure(AssertionMessages.TABLE_IN_LOWER_CASE, show(table), show(name), stored.get(),
                    show(lowerCase));
        }
        List<String> withTriggers = all.stream().filter(t -> !t.cloned()).map(t -> t.schema() + "." + t.table())
                .distinct().toList();
        return failure(AssertionMessages.NO_SUCH_TABLE, show(table), show(name),
                withTriggers.isEmpty() ? "none" : String.join(", ", withTriggers));
    }

    private String show(Object value) {
        return info.representation().toStringOf(value);
    }
}
