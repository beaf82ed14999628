package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.schema.TableName;
import io.github.pgnotifications.internal.schema.TriggerInstaller;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 4: the writer's cost of a change trigger. Identical tables, one with the library's installed trigger, one
 * with the seed article's trigger, one with none (and any others given); rows in 1,000-row transactions, nobody
 * listening on their channels. The tables take turns, round after round, and each reports its median round.
 */
final class BulkInsert {

    static final String OURS = "bulk_ours";
    static final String SEED = "bulk_seed";
    static final String PLAIN = "bulk_plain";

    private static final int ROUNDS = 3;

    /** The seed article's trigger, as written there but for the names; the function first, as PostgreSQL requires. */
    private static final String SEED_TRIGGER = """
            CREATE OR REPLACE FUNCTION seed_notify_trigger() RETURNS trigger AS
            $trigger$
            DECLARE
                rec     bulk_seed;
                dat     bulk_seed;
                payload TEXT;
            BEGIN
                CASE TG_OP
                    WHEN 'UPDATE' THEN rec := NEW;
                                       dat := OLD;
                    WHEN 'INSERT' THEN rec := NEW;
                    WHEN 'DELETE' THEN rec := OLD;
                    ELSE RAISE EXCEPTION 'Unknown TG_OP: "%". Should not occur!', TG_OP;
                    END CASE;
                payload := json_build_object('timestamp', CURRENT_TIMESTAMP, 'action', LOWER(TG_OP),
                                             'db_schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME,
                                             'record', row_to_json(rec), 'old', row_to_json(dat));
                PERFORM pg_notify('bulk_seed', payload);
                RETURN rec;
            END;
            $trigger$ LANGUAGE 'plpgsql';
            CREATE TRIGGER seed_notify AFTER INSERT OR UPDATE OR DELETE ON bulk_seed
                FOR EACH ROW EXECUTE PROCEDURE seed_notify_trigger();
            """;

    private BulkInsert() {
    }

    /** Creates a table like {@code items}: {@code (id int PRIMARY KEY, name text)}. */
    static void createTable(Statement statement, String table) throws Exception {
        statement.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, name text)");
    }

    /** Creates the three tables: with the library's trigger as the library installs it, with the seed's, with none. */
    static void createTables(ConnectionInfo database) throws Exception {
        try (Connection connection = Connections.open(database); Statement statement = connection.createStatement()) {
            for (String table : List.of(OURS, SEED, PLAIN)) {
                createTable(statement, table);
            }
            TriggerInstaller.installFunction(connection);
            TriggerInstaller.install(connection, new TableName("public", OURS), OURS, List.of("id"), List.of(),
                    false);
            statement.execute(SEED_TRIGGER);
        }
    }

    /** Rows per second per table, the median of the rounds. */
    static Map<String, Double> measure(ConnectionInfo database, List<String> tables, int rows) throws Exception {
        double[][] rates = new double[tables.size()][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int t = 0; t < tables.size(); t++) {
                rates[t][round] = rowsPerSecond(database, tables.get(t), rows);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            Arrays.sort(rates[t]);
            medians.put(tables.get(t), rates[t][ROUNDS / 2]);
        }
        return medians;
    }

    private static double rowsPerSecond(ConnectionInfo database, String table, int rows) throws Exception {
        try (RowWriter writer = Connections.writer(database, table)) {
            writer.truncate();
            long started = System.nanoTime();
            writer.insertRange(0, rows);
            double rate = rows / ((System.nanoTime() - started) / 1e9);
            writer.truncate();
            return rate;
        }
    }
}
