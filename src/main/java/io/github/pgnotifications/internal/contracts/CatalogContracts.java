package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.SetupException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The contract of a channel fed by the library's trigger, derived from the catalog of the connection's database
 * alone (so a database cloned from a template, whose triggers are in place already, derives the same): the
 * envelope exactly as the trigger sends it ({@code timestamp, action, db_schema, table, record, old, seq}, plus
 * {@code partition} for a partitioned table and {@code truncated, omitted} for a payload over PostgreSQL's limit),
 * the actions, {@code UPDATE OF} columns and {@code WHEN} condition read from {@code pg_trigger}, the key and the
 * sensitive columns from the trigger's own arguments, and each column's JSON, SQL and Java type and nullability.
 *
 * <p>A channel is fed by every table of that name ({@code InstalledTriggers}: the channel is the table's name), so
 * two schemas' {@code users} tables share channel {@code users}: then each table's row is a definition of its own
 * ({@code row-1}, {@code row-2}... in {@code schema.table} order) and {@code record} is any of them. A partitioned
 * table's contract is its own (its trigger's clones on the partitions send the parent's table name and columns).
 *
 * <p>A payload over PostgreSQL's 7999 bytes ({@code "truncated": true}) lacks the columns it names in
 * {@code omitted}: the variable-length non-key columns ({@code kept-out: oversized}) are therefore properties of the
 * row but not {@code required} (a conditional schema would hide the row's columns from a reader); removing one is
 * still a removed property. A {@code float} or {@code numeric} NaN or Infinity arrives as a string, which the column's
 * schema allows ({@link ColumnSchemas}).
 *
 * <p>Signatures: {@link #derive(Connection, String)} for one channel, {@link #deriveAll(Connection)} for every
 * channel at once (one catalog read). Both throw {@link SetupException} when the catalog cannot be read.
 */
public final class CatalogContracts {

    private static final List<String> ENVELOPE = List.of("action", "db_schema", "seq", "table", "timestamp");
    private static final SortedSet<String> ROW_ACTIONS = new TreeSet<>(List.of("delete", "insert", "update"));

    private CatalogContracts() {
    }

    /** The contract of {@code channel}, empty when no table has the library's trigger sending to it. */
    public static Optional<ChannelContract> derive(Connection connection, String channel) {
        return Optional.ofNullable(derive(connection, channel::equals).get(channel));
    }

    /** The contract of every channel some table's library trigger sends to, by channel, in channel order. */
    public static SortedMap<String, ChannelContract> deriveAll(Connection connection) {
        return derive(connection, channel -> true);
    }

    private static SortedMap<String, ChannelContract> derive(Connection connection, Predicate<String> wanted) {
        try {
            Map<String, List<InstalledTable>> byChannel = InstalledTable.read(connection).stream()
                    .filter(table -> wanted.test(table.channel()))
                    .collect(Collectors.groupingBy(InstalledTable::channel, TreeMap::new, Collectors.toList()));
            SortedMap<String, ChannelContract> contracts = new TreeMap<>();
            for (Map.Entry<String, List<InstalledTable>> channel : byChannel.entrySet()) {
                contracts.put(channel.getKey(), contract(connection, channel.getKey(), channel.getValue()));
            }
            return contracts;
        } catch (SQLException e) {
            throw new SetupException("Could not read the catalog to derive the channels' contracts: "
                    + e.getMessage() + ". Check that the test database is reachable.", e);
        }
    }

    private static ChannelContract contract(Connection connection, String channel, List<InstalledTable> tables)
            throws SQLException {
        List<InstalledTable> sorted = tables.stream()
                .sorted((a, b) -> a.table().toString().compareTo(b.table().toString())).toList();
        Map<String, Object> defs = new TreeMap<>();
        Map<String, Object> keptOut = Map.of();
        for (int i = 0; i < sorted.size(); i++) {
            List<ColumnSchemas.Column> columns = ColumnSchemas.read(connection, sorted.get(i).table());
            keptOut = keptOut(sorted.get(i), columns);
            defs.put(sorted.size() == 1 ? "row" : "row-" + (i + 1), row(sorted.get(i), columns, sorted.size() > 1));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", ContractJson.DIALECT);
        schema.put("title", channel);
        schema.put("description", description(sorted));
        schema.put(ContractJson.EXTENSION, sorted.size() == 1 ? extension(sorted.get(0), true, keptOut)
                : tablesOnly(sorted));
        schema.put("type", "object");
        schema.put("properties", envelope(sorted, defs.keySet()));
        schema.put("required", ENVELOPE);
        schema.put("additionalProperties", false);
        rowActionsNeedRows(sorted).ifPresent(condition -> schema.put("allOf", List.of(condition)));
        schema.put("$defs", defs);
        return new ChannelContract(channel, ChannelContract.Origin.CATALOG,
                castTree(ContractJson.canonical(schema, false)));
    }

    private static String description(List<InstalledTable> tables) {
        String names = tables.stream().map(t -> t.table().toString()).collect(Collectors.joining(", "));
        String partitions = tables.stream().anyMatch(InstalledTable::partitioned)
                ? " Rows of a partitioned table live in its partitions: \"partition\" names each row's." : "";
        return "Change events of " + names + ", sent by pg-notifications' trigger." + partitions
                + " A change whose payload would be over PostgreSQL's 7999 bytes arrives with \"truncated\": true,"
                + " its largest non-key columns (kept-out: oversized) left out of record and old and named in"
                + " \"omitted\" (so those columns are not required).";
    }

    private static Map<String, Object> tablesOnly(List<InstalledTable> tables) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("origin", ContractJson.originName(ChannelContract.Origin.CATALOG));
        extension.put("tables", tables.stream().map(t -> t.table().toString()).toList());
        return extension;
    }

    /** What pg-notifications knows of one table's trigger: origin and tables (for the channel), actions, key... */
    private static Map<String, Object> extension(InstalledTable table, boolean forChannel,
                                                 Map<String, Object> keptOut) {
        Map<String, Object> extension = new LinkedHashMap<>();
        if (forChannel) {
            extension.putAll(tablesOnly(List.of(table)));
        } else {
            extension.put("table", table.table().toString());
        }
        extension.put("actions", List.copyOf(table.actions()));
        extension.put("update-of", table.updateOf());
        extension.put("when", table.when());
        extension.put("key", table.key());
        extension.put("kept-out", keptOut);
        return extension;
    }

    private static Map<String, Object> envelope(List<InstalledTable> tables, Collection<String> rows) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("action", Map.of("enum", List.copyOf(union(tables))));
        properties.put("db_schema", oneOf(tables.stream().map(t -> t.table().schema()).toList()));
        properties.put("table", oneOf(tables.stream().map(t -> t.table().name()).toList()));
        properties.put("timestamp", Map.of("type", "string", "format", "date-time"));
        properties.put("seq", Map.of("type", "integer"));
        List<Object> anyRow = new ArrayList<>(rows.stream().map(CatalogContracts::reference).toList());
        properties.put("record", anyRow.size() == 1 ? anyRow.get(0) : Map.of("anyOf", List.copyOf(anyRow)));
        anyRow.add(Map.of("type", "null"));
        properties.put("old", Map.of("anyOf", anyRow));
        properties.put("partition", Map.of("type", partitionTypes(tables)));
        properties.put("truncated", Map.of("const", true));
        properties.put("omitted", Map.of("type", "array", "items", Map.of("type", "string")));
        return properties;
    }

    /** A plain table's oversized payload says {@code "partition": null}; a partitioned one's always names it. */
    private static Object partitionTypes(List<InstalledTable> tables) {
        SortedSet<String> types = new TreeSet<>();
        tables.forEach(t -> types.add(t.partitioned() ? "string" : "null"));
        return types.size() == 1 ? types.first() : List.copyOf(types);
    }

    /** A row change always carries record and old (and a partitioned table's, its partition); a TRUNCATE neither. */
    private static Optional<Map<String, Object>> rowActionsNeedRows(List<InstalledTable> tables) {
        SortedSet<String> rowActions = new TreeSet<>(union(tables));
        rowActions.retainAll(ROW_ACTIONS);
        if (rowActions.isEmpty()) {
            return Optional.empty();
        }
        List<String> required = tables.stream().allMatch(InstalledTable::partitioned)
                ? List.of("old", "partition", "record") : List.of("old", "record");
        return Optional.of(Map.of("if", Map.of("properties", Map.of("action", Map.of("enum",
                List.copyOf(rowActions)))), "then", Map.of("required", required)));
    }

    private static Map<String, Object> row(InstalledTable table, List<ColumnSchemas.Column> columns,
                                           boolean ownExtension) {
        Map<String, Object> properties = new TreeMap<>();
        columns.stream().filter(column -> !table.hidden().contains(column.name()))
                .forEach(column -> properties.put(column.name(), ColumnSchemas.schemaOf(column)));
        Map<String, Object> row = new LinkedHashMap<>();
        if (ownExtension) {
            row.put(ContractJson.EXTENSION, extension(table, false, keptOut(table, columns)));
        }
        row.put("type", "object");
        row.put("properties", properties);
        Map<String, Object> keptOut = keptOut(table, columns);
        row.put("required", properties.keySet().stream().filter(column -> !keptOut.containsKey(column)).toList());
        row.put("additionalProperties", false);
        return row;
    }

    /**
     * The columns a payload may lack: the sensitive ones always; the variable-length non-key ones when the payload
     * would be over PostgreSQL's limit (the trigger leaves out the largest first; a fixed-size column only in a
     * table of hundreds of columns, which is not marked).
     */
    private static Map<String, Object> keptOut(InstalledTable table, List<ColumnSchemas.Column> columns) {
        Map<String, Object> keptOut = new TreeMap<>();
        for (ColumnSchemas.Column column : columns) {
            if (table.hidden().contains(column.name())) {
                keptOut.put(column.name(), "sensitive");
            } else if (column.variableLength() && !table.key().contains(column.name())) {
                keptOut.put(column.name(), "oversized");
            }
        }
        return keptOut;
    }

    private static SortedSet<String> union(List<InstalledTable> tables) {
        SortedSet<String> actions = new TreeSet<>();
        tables.forEach(t -> actions.addAll(t.actions()));
        return actions;
    }

    private static Map<String, Object> oneOf(List<String> values) {
        SortedSet<String> distinct = new TreeSet<>(values);
        return distinct.size() == 1 ? Map.of("const", distinct.first()) : Map.of("enum", List.copyOf(distinct));
    }

    private static Map<String, Object> reference(String definition) {
        return Map.of("$ref", "#/$defs/" + definition);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castTree(Object canonical) {
        return (Map<String, Object>) canonical;
    }
}
