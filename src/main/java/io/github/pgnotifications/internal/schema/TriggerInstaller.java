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

    // The payload has the seed's shape plus "seq", a number unique to each change: PostgreSQL folds identical
    // notifications of one transaction into one, and two identical row changes must stay two events. (A sequence
    // costs a third of a transaction-local counter kept with set_config, measured by the benchmark.)
    // Arguments: channel, number of key columns, the key columns, then the columns never to send.
    // The body is a few expressions on purpose: each PL/pgSQL statement costs, and this runs for every row written.
    // A payload over PostgreSQL's 7999-byte limit would make pg_notify fail the application's write, so it is
    // replaced by one with only the key columns and "truncated": true.
    private static final String FUNCTIONS = """
            CREATE SCHEMA IF NOT EXISTS pgnotifications;
            CREATE SEQUENCE IF NOT EXISTS pgnotifications.seq;
            CREATE OR REPLACE FUNCTION pgnotifications.notify_change() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $pgnotifications$
            DECLARE
                payload text := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', lower(TG_OP),
                    'db_schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME,
                    'record', CASE WHEN TG_OP = 'DELETE' THEN row_to_json(OLD) ELSE row_to_json(NEW) END,
                    'old', CASE WHEN TG_OP = 'UPDATE' THEN row_to_json(OLD) END,
                    'seq', nextval('pgnotifications.seq'))::text;
            BEGIN
                IF octet_length(payload) > 7999 THEN
                    payload := pgnotifications.compact(payload::json, TG_ARGV[2:1 + TG_ARGV[1]::int]);
                END IF;
                PERFORM pg_notify(TG_ARGV[0], payload);
                RETURN NULL;
            END
            $pgnotifications$;
            CREATE OR REPLACE FUNCTION pgnotifications.notify_change_redacted() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $pgnotifications$
            DECLARE
                hidden text[] := TG_ARGV[2 + TG_ARGV[1]::int:];
                payload text := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', lower(TG_OP),
                    'db_schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME,
                    'record', CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) - hidden ELSE to_jsonb(NEW) - hidden END,
                    'old', CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) - hidden END,
                    'seq', nextval('pgnotifications.seq'))::text;
            BEGIN
                IF octet_length(payload) > 7999 THEN
                    payload := pgnotifications.compact(payload::json, TG_ARGV[2:1 + TG_ARGV[1]::int]);
                END IF;
                PERFORM pg_notify(TG_ARGV[0], payload);
                RETURN NULL;
            END
            $pgnotifications$;
            CREATE OR REPLACE FUNCTION pgnotifications.only_keys(row_image json, keys text[]) RETURNS json
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $pgnotifications$
                SELECT json_object_agg(key, value)
                  FROM json_each(CASE WHEN json_typeof(row_image) = 'object' THEN row_image END)
                 WHERE key = ANY (keys)
            $pgnotifications$;
            CREATE OR REPLACE FUNCTION pgnotifications.compact(payload json, keys text[]) RETURNS text
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $pgnotifications$
                SELECT CASE WHEN octet_length(compacted) > 7999
                            THEN json_build_object('timestamp', payload -> 'timestamp', 'action', payload -> 'action',
                                'db_schema', payload -> 'db_schema', 'table', payload -> 'table',
                                'seq', payload -> 'seq', 'truncated', true)::text
                            ELSE compacted END
                  FROM (SELECT json_build_object('timestamp', payload -> 'timestamp', 'action', payload -> 'action',
                               'db_schema', payload -> 'db_schema', 'table', payload -> 'table',
                               'record', pgnotifications.only_keys(payload -> 'record', keys),
                               'old', pgnotifications.only_keys(payload -> 'old', keys),
                               'seq', payload -> 'seq', 'truncated', true)::text AS compacted) AS c
            $pgnotifications$;
            """;

    private static final String TRIGGER_DDL = """
            SELECT format('DROP TRIGGER IF EXISTS %1$I ON %2$I.%3$I; '
                       || 'CREATE TRIGGER %1$I AFTER INSERT OR UPDATE OR DELETE ON %2$I.%3$I '
                       || 'FOR EACH ROW EXECUTE PROCEDURE pgnotifications.%5$I(%4$s)',
                          ?::text, ?::text, ?::text,
                          (SELECT string_agg(quote_literal(arg), ', ') FROM unnest(?::text[]) AS arg), ?::text)
            """;

    /**
     * Changes whenever what the installer creates changes, so that templates built by another version of the library
     * are not reused.
     */
    public static final String VERSION = Integer.toHexString((FUNCTIONS + TRIGGER_DDL).hashCode());

    private TriggerInstaller() {
    }

    /** Creates (or replaces) the shared trigger functions: one plain, one that leaves out sensitive columns. */
    public static void installFunction(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(FUNCTIONS);
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
            format.setString(5, hidden.isEmpty() ? "notify_change" : "notify_change_redacted");
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
