package io.github.pgnotifications.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Rewrites an embedded server's {@code pg_hba.conf} and waits until the server uses the new rules. A superuser
 * {@value #ADMIN} keeps a trusted way in, so that tests can still set the server up after locking everyone else out.
 */
public final class Hba {

    /** A superuser that every rule set lets in without a password, over TCP from loopback. */
    public static final String ADMIN = "pgadmin";

    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(20);

    private Hba() {
    }

    /** A connection source for {@link #ADMIN}, on the {@code postgres} database. */
    public static DataSource admin(EmbeddedPostgres server) {
        return server.getDatabase(ADMIN, "postgres");
    }

    /**
     * Replaces the rules with {@code rules} (each a line such as {@code hostssl all postgres 127.0.0.1/32 cert}),
     * after a line that trusts {@link #ADMIN} (made by {@link #createAdmin} first); returns once a new connection is
     * authenticated by them.
     */
    public static void replace(EmbeddedPostgres server, String... rules) throws IOException {
        List<String> lines = new ArrayList<>(List.of("host all " + ADMIN + " 127.0.0.1/32 trust",
                "host all " + ADMIN + " ::1/128 trust"));
        lines.addAll(List.of(rules));
        Path file = Path.of(Sql.column(admin(server), "SHOW hba_file").get(0));
        String loadedBefore = Sql.column(admin(server), "SELECT pg_conf_load_time()::text").get(0);
        Files.write(file, lines);
        Sql.exec(admin(server), "SELECT pg_reload_conf()");
        awaitReloadAfter(server, loadedBefore);
    }

    /** Creates {@link #ADMIN} while the server still trusts {@code postgres} (zonky's default rules). */
    public static void createAdmin(EmbeddedPostgres server) {
        Sql.exec(server.getPostgresDatabase(), "CREATE ROLE " + ADMIN + " LOGIN SUPERUSER");
    }

    /**
     * The postmaster reloads on a signal, after pg_reload_conf() returns; each backend it forks afterwards carries
     * the new load time, so new connections are asked until one does.
     */
    private static void awaitReloadAfter(EmbeddedPostgres server, String loadedBefore) {
        long deadline = System.nanoTime() + RELOAD_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = admin(server).getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_conf_load_time() > '" + loadedBefore
                         + "'::timestamptz")) {
                row.next();
                if (row.getBoolean(1)) {
                    return;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server did not reload pg_hba.conf within " + RELOAD_LIMIT);
    }
}
