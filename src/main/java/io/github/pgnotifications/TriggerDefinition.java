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
 * @param schema   the schema of the trigger's table
 * @param table    the table (or view) the trigger is on
 * @param name     the trigger's name
 * @param timing   {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events   the events it fires on, among {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, in
 *                 that order
 * @param level    {@code ROW} or {@code STATEMENT}
 * @param function the function it executes, schema-qualified, e.g. {@code public.notify_trigger}
 * @param enabled  false when the trigger is disabled ({@code ALTER TABLE ... DISABLE TRIGGER})
 */
public record TriggerDefinition(String schema, String table, String name, String timing, Set<String> events,
                                String level, String function, boolean enabled) {

    /**
     * Checks that every component is present and keeps the events, in their order, unmodifiable.
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
    public TriggerDefinition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
        events = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(events, "events")));
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(function, "function");
    }

    /**
     * Reads the definitions of every trigger users created in the database (not the internal ones PostgreSQL creates
     * for foreign keys), ordered by schema, table and name.
     *
     * <pre>{@code List<TriggerDefinition> triggers = TriggerDefinition.readAll(db);}</pre>
     *
     * @param db the database
     * @return the trigger definitions
     * @throws IllegalStateException if the catalog cannot be read
     */
    public static List<TriggerDefinition> readAll(DataSource db) {
        return TriggerCatalog.read(Objects.requireNonNull(db, "db")).stream().map(TriggerDefinition::of).toList();
    }

    static TriggerDefinition of(TriggerCatalog.Row row) {
        return new TriggerDefinition(row.schema(), row.table(), row.name(), row.timing(), row.events(), row.level(),
                row.function(), row.enabled());
    }
}
