package io.github.pgnotifications.internal.assertions;

import io.github.pgnotifications.internal.schema.TableName;
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

    // pg_trigger.tgtype bits, as in PostgreSQL's include/catalog/pg_trigger.h.
    private static final int ROW = 1;
    private static final int BEFORE = 2;
    private static final int INSERT = 4;
    private static final int DELETE = 8;
    private static final int UPDATE = 16;
    private static final int TRUNCATE = 32;
    private static final int INSTEAD = 64;

    private static final String TRIGGERS = """
            SELECT n.nspname, c.relname, t.tgname, t.tgtype, t.tgenabled <> 'D', fn.nspname || '.' || p.proname
              FROM pg_trigger t
              JOIN pg_class c ON c.oid = t.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_proc p ON p.oid = t.tgfoid
              JOIN pg_namespace fn ON fn.oid = p.pronamespace
             WHERE NOT t.tgisinternal
             ORDER BY n.nspname, c.relname, t.tgname
            """;

    // As @PgNotifications(tables) names tables: the exact name visible on the search path, else schema.table.
    private static final String TABLE = """
            SELECT n.nspname, c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'f')
               AND (c.relname = ? AND pg_table_is_visible(c.oid) OR n.nspname = ? AND c.relname = ?)
             ORDER BY (c.relname = ? AND pg_table_is_visible(c.oid)) DESC
             LIMIT 1
            """;

    /** A trigger as the catalog defines it. */
    public record Row(String schema, String table, String name, String timing, Set<String> events, String level,
                      String function, boolean enabled) {
    }

    private TriggerCatalog() {
    }

    /** Every trigger but the internal ones of foreign keys. */
    public static List<Row> read(DataSource db) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(TRIGGERS);
             ResultSet rows = statement.executeQuery()) {
            List<Row> triggers = new ArrayList<>();
            while (rows.next()) {
                int type = rows.getInt(4);
                triggers.add(new Row(rows.getString(1), rows.getString(2), rows.getString(3),
                        timing(type), events(type), (type & ROW) != 0 ? "ROW" : "STATEMENT", rows.getString(6),
                        rows.getBoolean(5)));
            }
            return triggers;
        } catch (SQLException e) {
            throw new IllegalStateException(AssertionMessages.catalogUnreadable(e.getMessage()), e);
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
