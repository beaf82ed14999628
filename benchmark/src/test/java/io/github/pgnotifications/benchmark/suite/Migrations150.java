package io.github.pgnotifications.benchmark.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A team's long migration history: 150 Flyway migrations, each a table, an index, a function and 20 rows. */
public final class Migrations150 {

    public static final int COUNT = 150;

    private Migrations150() {
    }

    /** Writes them into a new folder; returns the Flyway location, {@code filesystem:<folder>}. */
    public static String write(Path parent) throws IOException {
        Path folder = Files.createDirectories(parent.resolve("migration150"));
        for (int i = 1; i <= COUNT; i++) {
            Files.writeString(folder.resolve("V" + i + "__table_" + i + ".sql"), """
                    CREATE TABLE t%1$d (id int PRIMARY KEY, v text NOT NULL);
                    CREATE INDEX t%1$d_v ON t%1$d (v);
                    CREATE FUNCTION f%1$d(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + %1$d';
                    INSERT INTO t%1$d SELECT g, 'row ' || g FROM generate_series(1, 20) AS g;
                    """.formatted(i));
        }
        return "filesystem:" + folder;
    }
}
