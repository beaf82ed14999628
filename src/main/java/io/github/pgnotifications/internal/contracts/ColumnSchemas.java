package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.schema.TableName;
import io.github.pgnotifications.internal.values.ColumnType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each column of a table as its row image sends it: the JSON Schema of its JSON value ({@code row_to_json} writes
 * {@code int2/int4/int8} as integers, {@code float4/float8/numeric} as numbers, {@code bool} as booleans,
 * {@code json/jsonb} as themselves, arrays as arrays, composites as objects, everything else as strings), its SQL
 * type as PostgreSQL prints it (a type of the user's schema-qualified, so that the text does not depend on the session's
 * {@code search_path}), and the Java type {@code ChangeEvent.record()} gives ({@link ColumnType}).
 */
final class ColumnSchemas {

    private static final String COLUMNS = """
            SELECT a.attname::text,
                   CASE WHEN tn.nspname <> 'pg_catalog' AND pg_type_is_visible(named.oid)
                        THEN quote_ident(tn.nspname) || '.' ELSE '' END || format_type(a.atttypid, a.atttypmod),
                   a.attnotnull OR t.typnotnull,
                   coalesce(e.typname, b.typname)::text, coalesce(e.typcategory, b.typcategory)::text,
                   b.typcategory = 'A', b.typlen < 0,
                   ARRAY(SELECT l.enumlabel::text FROM pg_enum l WHERE l.enumtypid = coalesce(e.oid, b.oid)
                          ORDER BY l.enumsortorder)
              FROM pg_attribute a
              JOIN pg_type t ON t.oid = a.atttypid
              JOIN pg_type named ON named.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0
                                                     THEN t.typelem ELSE t.oid END
              JOIN pg_namespace tn ON tn.oid = named.typnamespace
              JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
              LEFT JOIN pg_type e0 ON b.typcategory = 'A' AND e0.oid = b.typelem
              LEFT JOIN pg_type e ON e.oid = CASE WHEN e0.typtype = 'd' THEN e0.typbasetype ELSE e0.oid END
             WHERE a.attrelid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                  WHERE n.nspname = ? AND c.relname = ?)
               AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum
            """;

    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");
    private static final Set<String> NUMBERS = Set.of("float4", "float8", "numeric");
    private static final Set<String> JSON = Set.of("json", "jsonb");
    /** How row_to_json writes a float's or numeric's NaN and infinities: as strings (a pattern binds only strings). */
    private static final String NOT_A_NUMBER = "^(NaN|-?Infinity)$";
    private static final Map<String, String> FORMATS = Map.of("timestamptz", "date-time", "date", "date",
            "uuid", "uuid");

    /**
     * One column.
     *
     * @param variableLength whether values have no fixed size (text, bytea, json, arrays...): the trigger leaves
     *                       such columns out first of a payload over PostgreSQL's limit
     */
    record Column(String name, String sqlType, boolean notNull, String typeName, String category, boolean array,
                  boolean variableLength, List<String> labels) {
    }

    private ColumnSchemas() {
    }

    /** The table's columns, in table order. */
    static List<Column> read(Connection connection, TableName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                List<Column> columns = new ArrayList<>();
                while (rows.next()) {
                    columns.add(new Column(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            rows.getString(4), rows.getString(5), rows.getBoolean(6), rows.getBoolean(7),
                            strings(rows.getArray(8))));
                }
                return columns;
            }
        }
    }

    /** The column's schema: JSON type (with {@code "null"} when nullable), SQL type, Java type. */
    static Map<String, Object> schemaOf(Column column) {
        Map<String, Object> value = column.array() ? arrayOf(orNull(elementOf(column))) : elementOf(column);
        Map<String, Object> schema = column.notNull() ? new LinkedHashMap<>(value) : orNull(value);
        schema.put("x-sql-type", column.sqlType());
        schema.put("x-java-type", javaTypeOf(column));
        return schema;
    }

    /** The schema that also allows null: a SQL NULL, or a NULL element of an array (any array may hold one). */
    private static Map<String, Object> orNull(Map<String, Object> value) {
        Map<String, Object> schema = new LinkedHashMap<>(value);
        if (schema.get("type") instanceof List<?> types && !types.contains("null")) {
            List<Object> typesOrNull = new ArrayList<>(types);
            typesOrNull.add("null");
            schema.put("type", typesOrNull);
        } else if (schema.get("type") instanceof String type) {
            schema.put("type", List.of(type, "null"));
            if (schema.get("enum") instanceof List<?> labels) {
                List<Object> labelsOrNull = new ArrayList<>(labels);
                labelsOrNull.add(null);
                schema.put("enum", labelsOrNull);
            }
        }
        return schema;
    }

    private static Map<String, Object> arrayOf(Map<String, Object> items) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", items);
        return schema;
    }

    private static Map<String, Object> elementOf(Column column) {
        Map<String, Object> schema = new LinkedHashMap<>();
        String name = column.typeName();
        if (JSON.contains(name)) {
            return schema;
        }
        if (NUMBERS.contains(name)) {
            schema.put("type", List.of("number", "string"));
            schema.put("pattern", NOT_A_NUMBER);
            return schema;
        }
        schema.put("type", jsonTypeOf(column));
        if (FORMATS.containsKey(name)) {
            schema.put("format", FORMATS.get(name));
        }
        if (!column.labels().isEmpty()) {
            schema.put("enum", column.labels());
        }
        return schema;
    }

    private static String jsonTypeOf(Column column) {
        String name = column.typeName();
        if (INTEGERS.contains(name)) {
            return "integer";
        }
        if (NUMBERS.contains(name)) {
            return "number";
        }
        if ("bool".equals(name)) {
            return "boolean";
        }
        return "C".equals(column.category()) ? "object" : "string";
    }

    /** As {@code record()} gives it: the class ColumnType reads the value into, else what JSON reads it as. */
    private static String javaTypeOf(Column column) {
        String element = ColumnType.of(column.typeName(), column.category()).javaType()
                .map(Class::getCanonicalName).orElseGet(() -> asJsonReadsIt(column));
        return column.array() ? "java.util.List<" + element + ">" : element;
    }

    private static String asJsonReadsIt(Column column) {
        if (JSON.contains(column.typeName())) {
            return Object.class.getName();
        }
        return "C".equals(column.category()) ? "java.util.Map<java.lang.String, java.lang.Object>"
                : String.class.getName();
    }

    private static List<String> strings(Array array) throws SQLException {
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
