package io.github.pgnotifications.benchmark.suite;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Test classes as a team's suite has them, for the suite-scale figures: each writes a row, awaits it and proves that
 * nothing else arrived. {@link ScriptCase}s prepare one small table from a script; {@link MigratedCase}s migrate the
 * 150 migrations of {@link Migrations150} (their location comes from the configuration parameter
 * {@code pgnotifications.flyway}, as a suite-wide setting would).
 */
public final class PlainClasses {

    public static final int COUNT = 10;

    private PlainClasses() {
    }

    @PgNotifications(tables = "items", scripts = "classpath:items.sql")
    public abstract static class ScriptCase {
        @Test
        void writesAndAwaitsItsRow(NotificationRecorder recorder, DataSource db) throws SQLException {
            execute(db, "INSERT INTO items VALUES (1, 'one')");
            recorder.channel("items").awaitInsert(1);
            recorder.channel("items").assertNothingElse();
        }
    }

    @PgNotifications(tables = "t1")
    public abstract static class MigratedCase {
        @Test
        void writesAndAwaitsItsRow(NotificationRecorder recorder, DataSource db) throws SQLException {
            execute(db, "INSERT INTO t1 VALUES (1000, 'one')");
            recorder.channel("t1").awaitInsert(1000);
            recorder.channel("t1").assertNothingElse();
        }
    }

    static void execute(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static List<Class<?>> scriptClasses() {
        return List.of(Script1.class, Script2.class, Script3.class, Script4.class, Script5.class, Script6.class, Script7.class, Script8.class, Script9.class, Script10.class);
    }

    public static List<Class<?>> migratedClasses() {
        return List.of(Migrated1.class, Migrated2.class, Migrated3.class, Migrated4.class, Migrated5.class, Migrated6.class, Migrated7.class, Migrated8.class, Migrated9.class, Migrated10.class);
    }

    public static final class Script1 extends ScriptCase {
    }

    public static final class Script2 extends ScriptCase {
    }

    public static final class Script3 extends ScriptCase {
    }

    public static final class Script4 extends ScriptCase {
    }

    public static final class Script5 extends ScriptCase {
    }

    public static final class Script6 extends ScriptCase {
    }

    public static final class Script7 extends ScriptCase {
    }

    public static final class Script8 extends ScriptCase {
    }

    public static final class Script9 extends ScriptCase {
    }

    public static final class Script10 extends ScriptCase {
    }

    public static final class Migrated1 extends MigratedCase {
    }

    public static final class Migrated2 extends MigratedCase {
    }

    public static final class Migrated3 extends MigratedCase {
    }

    public static final class Migrated4 extends MigratedCase {
    }

    public static final class Migrated5 extends MigratedCase {
    }

    public static final class Migrated6 extends MigratedCase {
    }

    public static final class Migrated7 extends MigratedCase {
    }

    public static final class Migrated8 extends MigratedCase {
    }

    public static final class Migrated9 extends MigratedCase {
    }

    public static final class Migrated10 extends MigratedCase {
    }
}
