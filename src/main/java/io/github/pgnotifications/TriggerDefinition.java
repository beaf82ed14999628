package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.TriggerCatalog;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A trigger as the catalog ({@code pg_trigger}) defines it: for checking a team's own {@code NOTIFY} triggers, in the
 * spirit of pgTAP's {@code has_trigger} and {@code trigger_is}. Names are as stored, unquoted.
 *
 * <pre>{@code
 * List<TriggerDefinition> triggers = TriggerDefinition.readAll(db);
 * assertThat(triggers).extracting(TriggerDefinition::name).contains("users_notify");
 * }</pre>
 *
 * @param schema        the schema of the trigger's table
 * @param table         the table (or view) the trigger is on
 * @param name          the trigger's name
 * @param timing        {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events        the events it fires on, among {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE},
 *                      in that order
 * @param updateColumns the columns of {@code UPDATE OF}, in the order of the definition; empty when the trigger fires
 *                      on an update of any column (or not on updates)
 * @param level         {@code ROW} or {@code STATEMENT}
 * @param condition     the {@code WHEN} condition as psql's {@code \d} prints it
 *                      ({@code pg_get_triggerdef(oid, true)}), without the parentheses around it, e.g.
 *                      {@code old.status IS DISTINCT FROM new.status}; null when the trigger has none
 * @param function      the function it executes, schema-qualified, e.g. {@code public.notify_trigger}
 * @param enabled       false when the trigger is disabled ({@code ALTER TABLE ... DISABLE TRIGGER})
 */
public record TriggerDefinition(String schema, String table, String name, String timing, Set<String> events,
                                List<String> updateColumns, String level, String condition, String function,
                                boolean enabled) {

    /**
     * Checks that every component but the condition is present and keeps the events, in their order, and the update
     * columns unmodifiable.
     *
     * @param schema        the schema of the trigger's table; required
     * @param table         the table the trigger is on; required
     * @param name          the trigger's name; required
     * @param timing        {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}; required
     * @param events        the events it fires on; required
     * @param updateColumns the columns of {@code UPDATE OF}; required, empty for an update of any column
     * @param level         {@code ROW} or {@code STATEMENT}; required
     * @param condition     the {@code WHEN} condition without the parentheses around it, or null when there is none
     * @param function      the function it executes, schema-qualified; required
     * @param enabled       false when the trigger is disabled
     */
    public TriggerDefinition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
        events = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(events, "events")));
        updateColumns = List.copyOf(Objects.requireNonNull(updateColumns, "updateColumns"));
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(function, "function");
    }

    /**
     * A trigger that fires on an update of any column (or not on updates) and has no {@code WHEN} condition: the
     * common case, e.g. for comparing with {@link #readAll(DataSource)}.
     *
     * <pre>{@code
     * new TriggerDefinition("public", "users", "users_notify", "AFTER", Set.of("INSERT"), "ROW",
     *         "public.notify_trigger", true)
     * }</pre>
     *
     * @param schema   the schema of the trigger's table; required
     * @param table    the table the trigger is on; required
     * @param name     the trigger's name; required
     * @param timing   {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}; required
     * @param events   the events it fires on; required
     * @param level    {@code ROW} or {@code STATEMENT}; required
     * @param function the function it executes, schema-qualified; required
     * @param enabled  false when the trigger is disabled
     */
    public TriggerDefinition(String schema, String table, String name, String timing, Set<String> events,
                             String level, String function, boolean enabled) {
        this(schema, table, name, timing, events, List.of(), level, null, function, enabled);
    }

    /**
     * Reads the definitions of the triggers users created in the database, ordered by schema, table and name. The
     * same triggers on every PostgreSQL version; left out are:
     * <ul>
     *     <li>the internal triggers PostgreSQL creates for foreign keys;</li>
     *     <li>the copies PostgreSQL makes on each partition of a trigger on a partitioned table: the trigger is listed
     *     once, on the partitioned table it was created on;</li>
     *     <li>this library's own triggers, those that execute a function in the schema {@code pgnotifications} (the
     *     change triggers {@code @PgNotifications(tables)} installs).</li>
     * </ul>
     *
     * <pre>{@code List<TriggerDefinition> triggers = TriggerDefinition.readAll(db);}</pre>
     *
     * @param db the database
     * @return the trigger definitions
     * @throws IllegalStateException if the catalog cannot be read
     */
    public static List<TriggerDefinition> readAll(DataSource db) {
        return TriggerCatalog.read(Objects.requireNonNull(db, "db")).stream()
                .filter(row -> !row.cloned() && !row.library()).map(TriggerDefinition::of).toList();
    }

    static TriggerDefinition of(TriggerCatalog.Row row) {
        return new TriggerDefinition(row.schema(), row.table(), row.name(), row.timing(), row.events(),
                row.updateColumns(), row.level(), row.condition(), row.function(), row.enabled());
    }
}
