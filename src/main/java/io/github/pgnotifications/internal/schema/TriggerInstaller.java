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
 * Installs the change triggers: shared trigger functions per database in the schema {@value #SCHEMA}, and per
 * table an {@code AFTER INSERT OR UPDATE OR DELETE ... FOR EACH ROW} trigger that passes its channel, table and key
 * columns as trigger arguments, and an {@code AFTER TRUNCATE ... FOR EACH STATEMENT} trigger. The server quotes every identifier and literal ({@code format('%I')}, {@code quote_literal}).
 */
public final class TriggerInstaller {

    /** The schema that holds the library's trigger function; dropping it removes every installed trigger. */
    public static final String SCHEMA = "pgnotifications";

    /** The name of the row trigger installed on each table; trigger names are per table, so one never collides. */
    public static final String TRIGGER = "pgnotifications_change";

    /** The name of the statement trigger that reports a {@code TRUNCATE} of each table. */
    public static final String TRUNCATE_TRIGGER = "pgnotifications_truncate";

    // The payload has the seed's shape plus "seq", a number unique to each change: PostgreSQL folds identical
    // notifications of one transaction into one, and two identical row changes must stay two events. (A sequence
    // costs a third of a transaction-local counter kept with set_config, measured by the benchmark.)
    // Arguments: channel, the installed table's schema and name, number of key columns, the key columns, then the
    // columns never to send. PostgreSQL clones a partitioned table's row trigger onto every partition, present and
    // future, with these arguments, so "table" is always the table that was named and keys resolve for partitions
    // created later; a partition's own name is added as "partition".
    // The body is a few expressions on purpose: each PL/pgSQL statement costs, and this runs for every row written.
    // A payload over PostgreSQL's 7999-byte limit would make pg_notify fail the application's write, so compact()
    // leaves out the largest non-key columns until it fits, and says which.
    private static final String ROW_FUNCTION = """
            CREATE OR REPLACE FUNCTION pgnotifications.{NAME}() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $pgnotifications$
            DECLARE{HIDDEN}
                payload text := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', lower(TG_OP),
                    'db_schema', TG_ARGV[1], 'table', TG_ARGV[2],
                    'record', CASE WHEN TG_OP = 'DELETE' THEN {ROW_OLD} ELSE {ROW_NEW} END,
                    'old', CASE WHEN TG_OP = 'UPDATE' THEN {ROW_OLD} END,
                    'seq', nextval('pgnotifications.seq'))::text;
            BEGIN{PARTITION}
                IF octet_length(payload) > 7999 THEN
                    payload := pgnotifications.compact(payload::json, TG_ARGV[4:3 + TG_ARGV[3]::int]);
                END IF;
                PERFORM pg_notify(TG_ARGV[0], payload);
                RETURN NULL;
            END
            $pgnotifications$;
            """;

    // Four copies of the row function: with or without sensitive columns, for a plain or a partitioned table. Rows of
    // a partitioned table always live in a partition, so its copy adds "partition" without asking, and a plain
    // table's copy never pays for the question.
    private static final String FUNCTIONS = """
            CREATE SCHEMA IF NOT EXISTS pgnotifications;
            CREATE SEQUENCE IF NOT EXISTS pgnotifications.seq;
            """ + rowFunction("notify_change", false, false) + rowFunction("notify_change_redacted", true, false)
            + rowFunction("notify_partition_change", false, true)
            + rowFunction("notify_partition_change_redacted", true, true) + """
            CREATE OR REPLACE FUNCTION pgnotifications.notify_truncate() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $pgnotifications$
            BEGIN
                PERFORM pg_notify(TG_ARGV[0], json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', 'truncate',
                    'db_schema', TG_ARGV[1], 'table', TG_ARGV[2], 'seq', nextval('pgnotifications.seq'))::text);
                RETURN NULL;
            END
            $pgnotifications$;
            CREATE OR REPLACE FUNCTION pgnotifications.with_partition(payload text, partition name) RETURNS text
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $pgnotifications$
                SELECT left(payload, -1) || ', "partition" : ' || to_json(partition::text)::text || '}'
            $pgnotifications$;
            CREATE OR REPLACE FUNCTION pgnotifications.without(row_image json, omitted text[]) RETURNS json
            LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $pgnotifications$
                SELECT CASE WHEN json_typeof(row_image) = 'object'
                            THEN coalesce((SELECT json_object_agg(key, value) FROM json_each(row_image)
                                            WHERE key <> ALL (omitted)), '{}'::json) END
            $pgnotifications$;
            CREATE OR REPLACE FUNCTION pgnotifications.compact(payload json, keys text[]) RETURNS text
            LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $pgnotifications$
            DECLARE
                largest_first text[] := ARRAY(
                    SELECT key FROM (SELECT key, value FROM json_each(CASE WHEN json_typeof(payload -> 'record')
                                                                 = 'object' THEN payload -> 'record' END)
                                     UNION ALL
                                     SELECT key, value FROM json_each(CASE WHEN json_typeof(payload -> 'old')
                                                                 = 'object' THEN payload -> 'old' END)) AS v
                     WHERE key <> ALL (keys)
                     GROUP BY key ORDER BY sum(octet_length(value::text)) DESC, key);
                omitted text[] := '{}';
                compacted text;
            BEGIN
                FOR i IN 1 .. coalesce(array_length(largest_first, 1), 0) LOOP
                    omitted := omitted || largest_first[i];
                    compacted := json_build_object('timestamp', payload -> 'timestamp', 'action', payload -> 'action',
                        'db_schema', payload -> 'db_schema', 'table', payload -> 'table',
                        'partition', payload -> 'partition',
                        'record', pgnotifications.without(payload -> 'record', omitted),
                        'old', pgnotifications.without(payload -> 'old', omitted),
                        'seq', payload -> 'seq', 'truncated', true, 'omitted', omitted)::text;
                    IF octet_length(compacted) <= 7999 THEN
                        RETURN compacted;
                    END IF;
                END LOOP;
                RETURN json_build_object('timestamp', payload -> 'timestamp', 'action', payload -> 'action',
                    'db_schema', payload -> 'db_schema', 'table', payload -> 'table',
                    'partition', payload -> 'partition', 'seq', payload -> 'seq', 'truncated', true,
                    'omitted', ARRAY(SELECT DISTINCT key FROM json_each(CASE WHEN json_typeof(payload -> 'record')
                                                           = 'object' THEN payload -> 'record' END)))::text;
            END
            $pgnotifications$;
            """;

    private static final String TRIGGER_DDL = """
            SELECT format('DROP TRIGGER IF EXISTS %1$I ON %2$I.%3$I; '
                       || 'CREATE TRIGGER %1$I AFTER INSERT OR UPDATE OR DELETE ON %2$I.%3$I '
                       || 'FOR EACH ROW EXECUTE PROCEDURE pgnotifications.%5$I(%4$s); '
                       || 'DROP TRIGGER IF EXISTS %6$I ON %2$I.%3$I; '
                       || 'CREATE TRIGGER %6$I AFTER TRUNCATE ON %2$I.%3$I '
                       || 'FOR EACH STATEMENT EXECUTE PROCEDURE pgnotifications.notify_truncate(%4$s)',
                          ?::text, ?::text, ?::text,
                          (SELECT string_agg(quote_literal(arg), ', ') FROM unnest(?::text[]) AS arg), ?::text,
                          ?::text)
            """;

    /**
     * Changes whenever what the installer creates changes, so that templates built by another version of the library
     * are not reused.
     */
    public static final String VERSION = Integer.toHexString((FUNCTIONS + TRIGGER_DDL).hashCode());

    private TriggerInstaller() {
    }

    private static String rowFunction(String name, boolean redacted, boolean partitioned) {
        return ROW_FUNCTION.replace("{NAME}", name)
                .replace("{HIDDEN}", redacted ? "\n    hidden text[] := TG_ARGV[4 + TG_ARGV[3]::int:];" : "")
                .replace("{ROW_NEW}", redacted ? "to_jsonb(NEW) - hidden" : "row_to_json(NEW)")
                .replace("{ROW_OLD}", redacted ? "to_jsonb(OLD) - hidden" : "row_to_json(OLD)")
                .replace("{PARTITION}", partitioned
                        ? "\n    payload := pgnotifications.with_partition(payload, TG_TABLE_NAME);" : "");
    }

    /**
     * Creates (or replaces) the shared trigger functions: the row function for plain and partitioned tables, each with
     * and without sensitive columns, the TRUNCATE function and their helpers.
     */
    public static void installFunction(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(FUNCTIONS);
        } catch (SQLException e) {
            throw new SetupException(Messages.triggerInstallFailed("the trigger function", e.getMessage()), e);
        }
    }

    /**
     * Installs the change trigger on one table, sending to {@code channel} with the table's key columns and never
     * sending the {@code hidden} columns; on a partitioned table, one that names each row's partition.
     */
    public static void install(Connection connection, TableName table, String channel, List<String> keyColumns,
                               List<String> hidden, boolean partitioned) {
        List<String> arguments = new ArrayList<>();
        arguments.add(channel);
        arguments.add(table.schema());
        arguments.add(table.name());
        arguments.add(Integer.toString(keyColumns.size()));
        arguments.addAll(keyColumns);
        arguments.addAll(hidden);
        try (PreparedStatement format = connection.prepareStatement(TRIGGER_DDL)) {
            format.setString(1, TRIGGER);
            format.setString(2, table.schema());
            format.setString(3, table.name());
            format.setArray(4, connection.createArrayOf("text", arguments.toArray()));
            format.setString(5, (partitioned ? "notify_partition_change" : "notify_change")
                    + (hidden.isEmpty() ? "" : "_redacted"));
            format.setString(6, TRUNCATE_TRIGGER);
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
