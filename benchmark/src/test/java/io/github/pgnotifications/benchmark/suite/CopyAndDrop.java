package io.github.pgnotifications.benchmark.suite;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.PostgresServer;
import io.github.pgnotifications.internal.schema.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The server's own work for a class's database, with nothing of the library around it: {@code CREATE DATABASE ...
 * TEMPLATE} of a template and {@code DROP DATABASE} of the copy, timed apart, on one admin connection. What is left of
 * a migrated class's cost beyond a one-script class's, once the library does nothing per class that it could do once.
 *
 * @param copyNanos each copy
 * @param dropNanos each drop
 */
public record CopyAndDrop(long[] copyNanos, long[] dropNanos) {

    /**
     * A template migrated with the given Flyway locations (none: {@code sql} alone), copied as the library copies it
     * ({@code strategy} null) or with the given {@code STRATEGY} clause.
     */
    public static CopyAndDrop measure(PostgresServer server, List<String> flyway, String sql, int rounds,
                                      String strategy) throws SQLException {
        String template = "pgnotifications_benchmark_template";
        try (Connection admin = Jdbc.connect(server.maintenanceDatabase());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + template);
            statement.execute("CREATE DATABASE " + template);
            try {
                prepare(server.database(template), flyway, sql);
                return time(statement, template, strategy == null ? server.cloneStrategy() : strategy, rounds);
            } finally {
                statement.execute("DROP DATABASE IF EXISTS " + template);
            }
        }
    }

    private static void prepare(ConnectionInfo template, List<String> flyway, String sql) throws SQLException {
        Migrations.run(template, flyway, "");
        try (Connection connection = Jdbc.connect(template); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static CopyAndDrop time(Statement admin, String template, String strategy, int rounds)
            throws SQLException {
        long[] copies = new long[rounds];
        long[] drops = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            admin.execute("CREATE DATABASE pgnotifications_benchmark_copy TEMPLATE " + template + strategy);
            long copied = System.nanoTime();
            admin.execute("DROP DATABASE pgnotifications_benchmark_copy WITH (FORCE)");
            copies[round] = copied - started;
            drops[round] = System.nanoTime() - copied;
        }
        return new CopyAndDrop(copies, drops);
    }
}
