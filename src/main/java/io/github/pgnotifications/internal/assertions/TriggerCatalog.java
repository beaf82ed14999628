package io.github.pgnotifications.internal.assertions;

import io.github.pgnotifications.internal.schema.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads trigger definitions and tables from the catalog. Names are passed as bind parameters, never spliced into SQL.
 * Returns plain values: the public {@code TriggerDefinition} is built from them in the public package.
 */
public final class TriggerCatalog {

    /** The schema of the library's own trigger functions: every trigger that executes one of them is the library's. */
    static final String LIBRARY_SCHEMA = "pgnotifications";

    /** {@code pg_trigger.tgparentid}, which marks the clones of a partitioned table's triggers, came with 13. */
    static final int PARENT_ID_FROM = 130000;

    // pg_trigger.tgtype bits, as in PostgreSQL's include/catalog/pg_trigger.h.
    private static final int ROW = 1;
    private static final int BEFORE = 2;
    private static final int INSERT = 4;
    private static final int DELETE = 8;
    private static final int UPDATE = 16;
    private static final int TRUNCATE = 32;
    private static final int INSTEAD = 64;

    // The condition is cut from pg_get_triggerdef's pretty form, as psql's \d prints it: pg_get_expr cannot print
    // tgqual, whose OLD and NEW are two range table entries of a query that no longer exists.
    private static final String TRIGGERS = """
            SELECT n.nspname, c.relname, t.tgname, t.tgtype, t.tgenabled <> 'D', fn.nspname || '.' || p.proname,
                   ARRAY(SELECT a.attname::text
                           FROM unnest(t.tgattr::int2[]) WITH ORDINALITY AS u(attnum, position)
                           JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = u.attnum
                          ORDER BY u.position),
                   CASE WHEN t.tgqual IS NOT NULL THEN pg_get_triggerdef(t.oid, true) END,
                   %s,
                   fn.nspname = ?
              FROM pg_trigger t
              JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_proc p ON p.oid = t.tgfoid
              JOIN pg_namespace fn ON fn.oid = p.pronamespace
             WHERE %s
             ORDER BY n.nspname, c.relname, t.tgname
            """;

    // 13 on: a clone names its parent trigger. Up to 14 clones are marked internal, like the triggers of foreign keys
    // and deferrable unique constraints, whose copies on partitions (15 on) name their parent too: those belong to a
    // constraint other than a constraint trigger's.
    private static final String CLONED = "t.tgparentid <> 0";
    private static final String USERS_CLONE = """
            (t.tgparentid <> 0 AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                                                WHERE k.oid = t.tgconstraint AND k.contype <> 't'))""";

    // Before 13 there is no tgparentid (and 11 and 12 mark clones internal): a clone is a trigger on a partition
    // whose parent has a row trigger of the same name. Internal triggers of constraints are named after their own oid,
    // so none is named like its parent's.
    private static final String CLONED_BEFORE_13 = """
            (c.relispartition AND EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_trigger pt ON pt.tgrelid = i.inhparent
                                           WHERE i.inhrelid = c.oid AND pt.tgname = t.tgname
                                             AND (pt.tgtype & 1) = 1))""";

    // As @PgNotifications(tables) names tables: the exact name visible on the search path, else schema.table.
    private static final String TABLE = """
            SELECT n.nspname, c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'f')
               AND (c.relname = ? AND pg_table_is_visible(c.oid) OR n.nspname = ? AND c.relname = ?)
             ORDER BY (c.relname = ? AND pg_table_is_visible(c.oid)) DESC
             LIMIT 1
            """;

    /**
     * A trigger as the catalog defines it, with what {@code readAll} leaves out marked.
     *
     * @param updateColumns the {@code UPDATE OF} columns, in the trigger's order; empty for an update of any column
     * @param condition     the {@code WHEN} condition without the parentheses around it, or null
     * @param cloned        true for the copy PostgreSQL keeps on each partition of a partitioned table's trigger
     * @param library       true for a trigger of this library: it executes a function in {@value #LIBRARY_SCHEMA}
     */
    public record Row(String schema, String table, String name, String timing, Set<String> events,
                      List<String> updateColumns, String level, String condition, String function, boolean enabled,
                      boolean cloned, boolean library) {
    }

    private TriggerCatalog() {
    }

    /**
     * Every trigger but the internal ones of constraints (foreign keys, deferrable unique keys), clones and the
     * library's own included and marked.
     */
    public static List<Row> read(DataSource db) {
        try (Connection connection = db.getConnection()) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(AssertionMessages.catalogUnreadable(e.getMessage()), e);
        }
    }

    /** As {@link #read(DataSource)}, on a connection the caller holds. */
    public static List<Row> read(Connection connection) throws SQLException {
        return read(connection, serverVersionNumber(connection));
    }

    /** As {@link #read(DataSource)}, reading the catalog as on a server of this {@code server_version_num}. */
    public static List<Row> read(Connection connection, int serverVersionNumber) throws SQLException {
        boolean parentId = serverVersionNumber >= PARENT_ID_FROM;
        String sql = parentId ? TRIGGERS.formatted(CLONED, "(NOT t.tgisinternal OR " + USERS_CLONE + ")")
                : TRIGGERS.formatted(CLONED_BEFORE_13, "(NOT t.tgisinternal OR " + CLONED_BEFORE_13 + ")");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, LIBRARY_SCHEMA);
            try (ResultSet rows = statement.executeQuery()) {
                List<Row> triggers = new ArrayList<>();
                while (rows.next()) {
                    triggers.add(row(rows));
                }
                return triggers;
            }
        }
    }

    /** The table a user means by {@code given}, or empty when there is none. */
    public static Optional<TableName> table(DataSource db, String given) {
        int dot = given.indexOf('.');
        String schema = dot > 0 ? given.substring(0, dot) : null;
        String name = dot > 0 ? given.substring(dot + 1) : null;
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(TABLE)) {
            statement.setString(1, given);
            statement.setString(2, schema);
            statement.setString(3, name);
            statement.setString(4, given);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new TableName(row.getString(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(AssertionMessages.catalogUnreadable(e.getMessage()), e);
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        int type = rows.getInt(4);
        String definition = rows.getString(8);
        return new Row(rows.getString(1), rows.getString(2), rows.getString(3), timing(type), events(type),
                columns(rows.getArray(7)), (type & ROW) != 0 ? "ROW" : "STATEMENT",
                definition == null ? null : WhenClause.of(definition), rows.getString(6), rows.getBoolean(5),
                rows.getBoolean(9), rows.getBoolean(10));
    }

    private static int serverVersionNumber(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT current_setting('server_version_num')::int");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static List<String> columns(Array array) throws SQLException {
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static String timing(int type) {
        if ((type & INSTEAD) != 0) {
            return "INSTEAD OF";
        }
        return (type & BEFORE) != 0 ? "BEFORE" : "AFTER";
    }

    private static Set<String> events(int type) {
        Set<String> events = new LinkedHashSet<>();
        if ((type & INSERT) != 0) {
            events.add("INSERT");
        }
        if ((type & UPDATE) != 0) {
            events.add("UPDATE");
        }
        if ((type & DELETE) != 0) {
            events.add("DELETE");
        }
        if ((type & TRUNCATE) != 0) {
            events.add("TRUNCATE");
        }
        return events;
    }
}
