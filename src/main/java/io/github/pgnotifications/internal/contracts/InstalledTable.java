package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.assertions.TriggerCatalog;
import io.github.pgnotifications.internal.schema.TableName;
import io.github.pgnotifications.internal.schema.TriggerInstaller;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A table with the library's trigger, as the catalog has it: the trigger's own arguments (channel, key columns, the
 * columns it never sends, as {@link TriggerInstaller#install} passed them) and what {@code pg_trigger} says it fires
 * on. Clones of a partitioned table's trigger on its partitions are left out: the parent's is the one installed.
 *
 * @param table       the table the trigger was installed on
 * @param channel     the channel it sends to
 * @param partitioned whether it is a partitioned table
 * @param key         the key columns the trigger keeps in an oversized payload
 * @param hidden      the sensitive columns it never sends
 * @param actions     what fires it, lower case, sorted ({@code truncate} from the statement trigger); none if disabled
 * @param updateOf    the {@code UPDATE OF} columns, sorted; empty for an update of any column
 * @param when        the {@code WHEN} condition, or null
 */
record InstalledTable(TableName table, String channel, boolean partitioned, List<String> key, List<String> hidden,
                      SortedSet<String> actions, List<String> updateOf, String when) {

    private static final String ARGUMENTS = """
            SELECT n.nspname, c.relname, t.tgname, t.tgargs, c.relkind = 'p'
              FROM pg_trigger t
              JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE t.tgname IN (?, ?)
            """;

    /** The arguments of one trigger, and whether its table is partitioned. */
    private record Arguments(List<String> values, boolean partitioned) {
    }

    /** Every table with the library's trigger, in schema and name order. */
    static List<InstalledTable> read(Connection connection) throws SQLException {
        Map<String, Arguments> arguments = arguments(connection);
        List<TriggerCatalog.Row> triggers = TriggerCatalog.read(connection).stream()
                .filter(t -> t.library() && !t.cloned()).toList();
        List<InstalledTable> tables = new ArrayList<>();
        for (TriggerCatalog.Row trigger : triggers) {
            Arguments given = arguments.get(id(trigger.schema(), trigger.table(), trigger.name()));
            if (trigger.name().equals(TriggerInstaller.TRIGGER) && given != null && given.values().size() >= 4) {
                tables.add(of(trigger, given, truncateOf(triggers, trigger, arguments)));
            }
        }
        return tables;
    }

    private static InstalledTable of(TriggerCatalog.Row trigger, Arguments given, boolean truncate) {
        List<String> values = given.values();
        int keys = Integer.parseInt(values.get(3));
        SortedSet<String> actions = new TreeSet<>();
        if (trigger.enabled()) {
            trigger.events().forEach(event -> actions.add(event.toLowerCase(Locale.ROOT)));
        }
        if (truncate) {
            actions.add("truncate");
        }
        return new InstalledTable(new TableName(trigger.schema(), trigger.table()), values.get(0),
                given.partitioned(), List.copyOf(values.subList(4, 4 + keys)),
                List.copyOf(values.subList(4 + keys, values.size())), actions,
                trigger.updateColumns().stream().sorted().toList(), trigger.condition());
    }

    /** Whether the table's enabled TRUNCATE trigger sends to the same channel. */
    private static boolean truncateOf(List<TriggerCatalog.Row> triggers, TriggerCatalog.Row row,
                                      Map<String, Arguments> arguments) {
        String channel = arguments.get(id(row.schema(), row.table(), row.name())).values().get(0);
        return triggers.stream().anyMatch(t -> t.name().equals(TriggerInstaller.TRUNCATE_TRIGGER) && t.enabled()
                && t.schema().equals(row.schema()) && t.table().equals(row.table())
                && arguments.containsKey(id(t.schema(), t.table(), t.name()))
                && arguments.get(id(t.schema(), t.table(), t.name())).values().get(0).equals(channel));
    }

    private static Map<String, Arguments> arguments(Connection connection) throws SQLException {
        Map<String, Arguments> arguments = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(ARGUMENTS)) {
            statement.setString(1, TriggerInstaller.TRIGGER);
            statement.setString(2, TriggerInstaller.TRUNCATE_TRIGGER);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    arguments.put(id(rows.getString(1), rows.getString(2), rows.getString(3)),
                            new Arguments(split(rows.getBytes(4)), rows.getBoolean(5)));
                }
            }
        }
        return arguments;
    }

    /** {@code pg_trigger.tgargs}: each argument followed by a NUL byte, in the database's encoding (UTF-8). */
    private static List<String> split(byte[] arguments) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == 0) {
                values.add(new String(arguments, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return values;
    }

    private static String id(String schema, String table, String trigger) {
        return schema + '\0' + table + '\0' + trigger;
    }
}
