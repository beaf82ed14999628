package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.values.ColumnType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user tables of the test database and their key columns, read once after the scripts have run. Names are
 * looked up with bind parameters; nothing the user wrote is spliced into SQL.
 */
public final class Catalog {

    private static final String TABLES = """
            SELECT n.nspname, c.relname, pg_table_is_visible(c.oid),
                   coalesce((SELECT array_agg(a.attname::text ORDER BY k.ord)
                               FROM pg_index i
                               CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                              WHERE i.indrelid = c.oid AND i.indisprimary),
                            CASE WHEN EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                              AND a.attname = 'id' AND a.attnum > 0 AND NOT a.attisdropped)
                                 THEN ARRAY['id'] ELSE ARRAY[]::text[] END),
                   ARRAY(SELECT a.attname::text FROM pg_attribute a
                          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
                   ARRAY(SELECT coalesce(e.typname, b.typname)::text || ':' || coalesce(e.typcategory, b.typcategory)::text
                           FROM pg_attribute a
                           JOIN pg_type t ON t.oid = a.atttypid
                           JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
                           LEFT JOIN pg_type e0 ON b.typcategory = 'A' AND e0.oid = b.typelem
                           LEFT JOIN pg_type e ON e.oid = CASE WHEN e0.typtype = 'd' THEN e0.typbasetype ELSE e0.oid END
                          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
                   (SELECT ARRAY[pn.nspname::text, pc.relname::text] FROM pg_inherits i
                      JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                     WHERE c.relispartition AND i.inhrelid = c.oid),
                   c.relkind,
                   (SELECT a.attname::text FROM pg_index i
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                     WHERE i.indrelid = c.oid AND i.indisunique AND i.indnatts = 1 AND i.indpred IS NULL
                     ORDER BY i.indexrelid LIMIT 1)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
             ORDER BY n.nspname, c.relname
            """;

    private static final Map<String, String> KINDS = Map.of("v", "a view", "m", "a materialized view",
            "f", "a foreign table");

    private final Map<TableName, List<String>> keys;
    private final Map<TableName, List<String>> columns;
    private final Map<TableName, Map<String, ColumnType>> types;
    private final List<TableName> visible;
    private final Map<TableName, TableName> parents;
    private final Map<TableName, String> notTables;
    private final Set<TableName> partitioned;
    private final Map<TableName, String> uniqueColumns;

    private Catalog(Map<TableName, List<String>> keys, Map<TableName, List<String>> columns,
                    Map<TableName, Map<String, ColumnType>> types, List<TableName> visible,
                    Map<TableName, TableName> parents, Map<TableName, String> notTables,
                    Set<TableName> partitioned, Map<TableName, String> uniqueColumns) {
        this.keys = keys;
        this.columns = columns;
        this.types = types;
        this.visible = visible;
        this.parents = parents;
        this.notTables = notTables;
        this.partitioned = partitioned;
        this.uniqueColumns = uniqueColumns;
    }

    /** Reads every user table with its key: the primary key's columns, else {@code id} if there is one, else none. */
    public static Catalog read(Connection connection) throws SQLException {
        Map<TableName, List<String>> keys = new LinkedHashMap<>();
        Map<TableName, List<String>> columns = new LinkedHashMap<>();
        Map<TableName, Map<String, ColumnType>> types = new LinkedHashMap<>();
        List<TableName> visible = new ArrayList<>();
        Map<TableName, TableName> parents = new LinkedHashMap<>();
        Map<TableName, String> notTables = new LinkedHashMap<>();
        Set<TableName> partitioned = new HashSet<>();
        Map<TableName, String> uniqueColumns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                TableName table = new TableName(rows.getString(1), rows.getString(2));
                String kind = KINDS.get(rows.getString(8));
                if (kind != null) {
                    notTables.put(table, kind);
                    continue;
                }
                if ("p".equals(rows.getString(8))) {
                    partitioned.add(table);
                }
                if (rows.getArray(7) != null) {
                    List<String> parent = names(rows.getArray(7));
                    parents.put(table, new TableName(parent.get(0), parent.get(1)));
                }
                keys.put(table, names(rows.getArray(4)));
                columns.put(table, names(rows.getArray(5)));
                types.put(table, types(columns.get(table), names(rows.getArray(6))));
                if (rows.getBoolean(3)) {
                    visible.add(table);
                }
                if (rows.getString(9) != null) {
                    uniqueColumns.put(table, rows.getString(9));
                }
            }
        }
        return new Catalog(keys, columns, types, visible, parents, notTables, partitioned, uniqueColumns);
    }

    /** Each column's Java type, from {@code typname:typcategory} of its (base or element) type. */
    private static Map<String, ColumnType> types(List<String> columns, List<String> typeNames) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String[] nameAndCategory = typeNames.get(i).split(":", 2);
            types.put(columns.get(i), ColumnType.of(nameAndCategory[0], nameAndCategory[1]));
        }
        return Map.copyOf(types);
    }

    private static List<String> names(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    /**
     * Finds a table named as in {@code tables}: an exact name visible on the search path, else {@code schema.table}
     * split at the first dot.
     *
     * @throws SetupException listing the tables that exist
     */
    public TableName resolve(String given) {
        Optional<TableName> found = visible.stream().filter(t -> t.name().equals(given)).findFirst();
        int dot = given.indexOf('.');
        if (found.isEmpty() && dot > 0) {
            TableName qualified = new TableName(given.substring(0, dot), given.substring(dot + 1));
            found = keys.containsKey(qualified) ? Optional.of(qualified) : Optional.empty();
        }
        return found.orElseThrow(() -> new SetupException(notFound(given)));
    }

    /**
     * Whether nothing in the database answers to a name given in {@code tables}: no table, view or the like of that
     * name in any schema and in any case (where something does, {@link #resolve} says what it is instead).
     */
    public boolean hasNothingNamed(String given) {
        return keys.keySet().stream().noneMatch(t -> answersTo(t, given))
                && notTables.keySet().stream().noneMatch(t -> answersTo(t, given));
    }

    private static boolean answersTo(TableName table, String given) {
        return table.name().equalsIgnoreCase(given) || table.toString().equalsIgnoreCase(given);
    }

    /** Every table, as {@code schema.table}, in schema and name order. */
    public Set<TableName> tables() {
        return Collections.unmodifiableSet(keys.keySet());
    }

    /** Why a name given in {@code tables} names no table: a view, another case, another schema, or nothing. */
    private String notFound(String given) {
        for (Map.Entry<TableName, String> other : notTables.entrySet()) {
            if (other.getKey().name().equals(given) || other.getKey().toString().equals(given)) {
                return Messages.notATable(given, other.getKey().toString(), other.getValue());
            }
        }
        List<String> elsewhere = keys.keySet().stream().filter(t -> t.name().equals(given))
                .map(TableName::toString).toList();
        if (!elsewhere.isEmpty()) {
            return Messages.tableNotOnSearchPath(given, elsewhere);
        }
        List<String> otherCase = keys.keySet().stream().filter(t -> t.name().equalsIgnoreCase(given)
                || t.toString().equalsIgnoreCase(given)).map(TableName::toString).toList();
        if (!otherCase.isEmpty()) {
            return Messages.tableInOtherCase(given, otherCase);
        }
        return Messages.tableNotFound(given, keys.keySet());
    }

    /** Whether the table is partitioned: its rows live in its partitions. */
    public boolean isPartitioned(TableName table) {
        return partitioned.contains(table);
    }

    /** The partitioned table a partition belongs to, directly; empty for a table that is not a partition. */
    public Optional<TableName> parentOf(TableName table) {
        return Optional.ofNullable(parents.get(table));
    }

    /** Every column name of every user table. */
    public Set<String> allColumnNames() {
        Set<String> names = new TreeSet<>();
        columns.values().forEach(names::addAll);
        return names;
    }

    /** The columns of a table, in order. */
    public List<String> columnsOf(TableName table) {
        return columns.getOrDefault(table, List.of());
    }

    /** The key columns of a table; empty when it has neither a primary key nor an {@code id} column. */
    public List<String> keyOf(TableName table) {
        return keys.getOrDefault(table, List.of());
    }

    /** The Java types of a table's columns by schema and name; empty if the catalog did not know the table. */
    public Map<String, ColumnType> typesOf(String schema, String table) {
        return types.getOrDefault(new TableName(schema, table), Map.of());
    }

    /** The key columns of a table by schema and name, or empty if the catalog did not know the table. */
    public Optional<List<String>> keyOf(String schema, String table) {
        return Optional.ofNullable(keys.get(new TableName(schema, table)));
    }

    /**
     * For each table without a key, the column an await could be keyed by instead: a column with a unique index of
     * its own where there is one, else the first column. Tables without any column are left out.
     */
    public Map<String, String> keyColumnSuggestions() {
        Map<String, String> suggestions = new LinkedHashMap<>();
        keys.forEach((table, key) -> {
            List<String> all = columnsOf(table);
            if (key.isEmpty() && !all.isEmpty()) {
                suggestions.put(table.toString(), uniqueColumns.getOrDefault(table, all.get(0)));
            }
        });
        return suggestions;
    }
}
