package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the change triggers: one shared trigger function per database in the schema {@value #SCHEMA}, and per
 * table an {@code AFTER INSERT OR UPDATE OR DELETE ... FOR EACH ROW} trigger that passes its channel and key columns
 * as trigger arguments. The server quotes every identifier and literal ({@code format('%I')}, {@code quote_literal}).
 */
public final class TriggerInstaller {

    /** The schema that holds the library's trigger function; dropping it removes every installed trigger. */
    public static final String SCHEMA = "pgnotifications";

    /** The name of the trigger installed on each table; trigger names are per table, so one name never collides. */
    public static final String TRIGGER = "pgnotifications_change";

    // The payload has the seed's shape plus "seq", the event's position in its transaction: PostgreSQL folds
    // identical notifications of one transaction into one, and two identical row changes must stay two events.
    // Arguments: channel, number of key columns, the key columns, then the columns never to send.
    // A payload over PostgreSQL's 7999-byte limit would make pg_notify fail the application's write, so it is
    // replaced by one with only the key columns and "truncated": true.
    private static final String FUNCTION = """
            CREATE SCHEMA IF NOT EXISTS pgnotifications;
            CREATE OR REPLACE FUNCTION pgnotifications.notify_change() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $pgnotifications$
            DECLARE
                key_count int := TG_ARGV[1]::int;
                hidden text[] := TG_ARGV[2 + key_count:];
                new_row json;
                old_row json;
                seq bigint;
                payload text;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    new_row := row_to_json(OLD);
                ELSE
                    new_row := row_to_json(NEW);
                END IF;
                IF TG_OP = 'UPDATE' THEN
                    old_row := row_to_json(OLD);
                END IF;
                IF cardinality(hidden) > 0 THEN
                    new_row := (new_row::jsonb - hidden)::json;
                    old_row := (old_row::jsonb - hidden)::json;
                END IF;
                seq := coalesce(nullif(current_setting('pgnotifications.seq', true), ''), '0')::bigint + 1;
                PERFORM set_config('pgnotifications.seq', seq::text, true);
                payload := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', lower(TG_OP),
                    'db_schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'record', new_row, 'old', old_row,
                    'seq', seq)::text;
                IF octet_length(payload) > 7999 THEN
                    payload := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', lower(TG_OP),
                        'db_schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME,
                        'record', (SELECT json_object_agg(key, value) FROM json_each(new_row)
                                    WHERE key = ANY (TG_ARGV[2:1 + key_count])),
                        'old', (SELECT json_object_agg(key, value) FROM json_each(old_row)
                                 WHERE key = ANY (TG_ARGV[2:1 + key_count])),
                        'seq', seq, 'truncated', true)::text;
                END IF;
                IF octet_length(payload) > 7999 THEN
                    payload := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', lower(TG_OP),
                        'db_schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'seq', seq, 'truncated', true)::text;
                END IF;
                PERFORM pg_notify(TG_ARGV[0], payload);
                RETURN NULL;
            END
            $pgnotifications$;
            """;

    private static final String TRIGGER_DDL = """
            SELECT format('DROP TRIGGER IF EXISTS %1$I ON %2$I.%3$I; '
                       || 'CREATE TRIGGER %1$I AFTER INSERT OR UPDATE OR DELETE ON %2$I.%3$I '
                       || 'FOR EACH ROW EXECUTE PROCEDURE pgnotifications.notify_change(%4$s)',
                          ?::text, ?::text, ?::text,
                          (SELECT string_agg(quote_literal(arg), ', ') FROM unnest(?::text[]) AS arg))
            """;

    private TriggerInstaller() {
    }

    /** Creates (or replaces) the shared trigger function. */
    public static void installFunction(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(FUNCTION);
        } catch (SQLException e) {
            throw new SetupException(Messages.triggerInstallFailed("the trigger function", e.getMessage()), e);
        }
    }

    /**
     * Installs the change trigger on one table, sending to {@code channel} with the table's key columns and never
     * sending the {@code hidden} columns.
     */
    public static void install(Connection connection, TableName table, String channel, List<String> keyColumns,
                               List<String> hidden) {
        List<String> arguments = new ArrayList<>();
        arguments.add(channel);
        arguments.add(Integer.toString(keyColumns.size()));
        arguments.addAll(keyColumns);
        arguments.addAll(hidden);
        try (PreparedStatement format = connection.prepareStatement(TRIGGER_DDL)) {
            format.setString(1, TRIGGER);
            format.setString(2, table.schema());
            format.setString(3, table.name());
            format.setArray(4, connection.createArrayOf("text", arguments.toArray()));
            try (ResultSet ddl = format.executeQuery(); Statement statement = connection.createStatement()) {
                ddl.next();
                statement.execute(ddl.getString(1));
            }
        } catch (SQLException e) {
            throw new SetupException(Messages.triggerInstallFailed("table " + table, e.getMessage()), e);
        }
    }

    /** Removes the function and, with it, every installed trigger: for a database the library did not create. */
    public static void uninstall(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
