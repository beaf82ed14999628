package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.column;
import static io.github.pgnotifications.support.Sql.exec;
import static io.github.pgnotifications.support.Sql.inTransaction;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.internal.provision.Jdbc;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * An await that times out while its table was written in another database of the same server (an application given
 * a database of its own next to the test's) says where the write went; and says nothing of the kind when no other
 * database wrote that table.
 */
@Timeout(60)
class WrittenInAnotherDatabaseTest {

    /**
     * A session reports its writes to the server's statistics when it goes idle, at most once a second; the writer
     * forces the report of its transaction (PostgreSQL 15+), so that the test does not depend on when it comes.
     */
    private static final String REPORT_STATISTICS_AT_COMMIT = "SELECT pg_stat_force_next_flush()";

    @Test
    void anAwaitThatTimesOutNamesTheOtherDatabaseWhereTheTableWasWritten() {
        try (PgNotificationsSession test = session(); PgNotificationsSession application = session()) {
            assumeStatisticsCanBeReportedAtOnce(test);
            inTransaction(application.dataSource(), "INSERT INTO accounts VALUES ('acme', 'wile')",
                    REPORT_STATISTICS_AT_COMMIT);

            assertThatThrownBy(() -> test.recorder().channel("accounts").within(Duration.ofMillis(100))
                    .awaitInsert("acme"))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("Nothing arrived on 'accounts' since the test started. Was the write"
                            + " committed?")
                    .hasMessageContaining("\nThe awaited table was written in another database of the same server,"
                            + " not in this test's database (" + database(test) + "):\n  public.accounts in database "
                            + database(application) + ": 1 row(s) inserted, 0 updated, 0 deleted since that database"
                            + " was created (the server's statistics)\nA notification reaches only listeners of the"
                            + " database that was written to. If the write this test awaits went there (an application"
                            + " with a database of its own), the application and the test must use the same database:"
                            + " give the application the connection the library supplies (the injected DataSource or"
                            + " ConnectionInfo, or the datasource the library configures), and do not also configure"
                            + " its datasource by hand (quarkus.datasource.*, spring.datasource.*) or open a second"
                            + " PgNotificationsSession for it. (Test classes running in parallel write in databases of"
                            + " their own, and show here too.)");
        }
    }

    @Test
    void noOtherDatabaseIsNamedWhenNoneWroteTheAwaitedTable() {
        try (PgNotificationsSession test = session(); PgNotificationsSession other = session()) {
            assumeStatisticsCanBeReportedAtOnce(test);
            inTransaction(other.dataSource(), "INSERT INTO users VALUES (1, 'a', 'b')", REPORT_STATISTICS_AT_COMMIT);

            assertThatThrownBy(() -> test.recorder().channel("accounts").within(Duration.ofMillis(100))
                    .awaitInsert("acme"))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("Nothing arrived on 'accounts' since the test started.")
                    .hasMessageNotContaining("another database");
        }
    }

    /**
     * On a server the team runs (reached as 127.0.0.1, so not taken for this JVM's embedded server), the server's
     * configured database is looked at too: an application configured by hand with the same URL writes there.
     */
    @Test
    void onAServerTheTeamRunsTheConfiguredDatabaseIsNamedWhenTheApplicationWroteThere() {
        try (PgNotificationsSession embedded = session()) {
            assumeStatisticsCanBeReportedAtOnce(embedded);
            String port = column(embedded.dataSource(), "SELECT inet_server_port()::text").get(0);
            String app = "team_app_" + System.nanoTime();
            exec(embedded.dataSource(), "CREATE DATABASE " + app);
            try (PgNotificationsSession test = PgNotificationsSession.builder()
                    .server(new ConnectionInfo("jdbc:postgresql://127.0.0.1:" + port + "/" + app, "postgres", ""))
                    .scripts("classpath:recorder.sql").tables("accounts").start()) {
                DataSource application = Jdbc.dataSource(new ConnectionInfo("jdbc:postgresql://127.0.0.1:" + port
                        + "/" + app, "postgres", ""));
                exec(application, "CREATE TABLE accounts (code text PRIMARY KEY, owner text)");
                inTransaction(application, "INSERT INTO accounts VALUES ('acme', 'wile')",
                        REPORT_STATISTICS_AT_COMMIT);

                assertThatThrownBy(() -> test.recorder().channel("accounts").within(Duration.ofMillis(100))
                        .awaitInsert("acme"))
                        .hasMessageContaining("\n  public.accounts in database " + app + ": 1 row(s) inserted");
            } finally {
                exec(embedded.dataSource(), "DROP DATABASE " + app + " WITH (FORCE)");
            }
        }
    }

    private static PgNotificationsSession session() {
        return PgNotificationsSession.builder().scripts("classpath:recorder.sql").tables("users", "accounts").start();
    }

    private static String database(PgNotificationsSession session) {
        return column(session.dataSource(), "SELECT current_database()").get(0);
    }

    private static void assumeStatisticsCanBeReportedAtOnce(PgNotificationsSession session) {
        int version = Integer.parseInt(column(session.dataSource(), "SHOW server_version_num").get(0));
        Assumptions.assumeTrue(version >= 150000, "pg_stat_force_next_flush() needs PostgreSQL 15 or later; the"
                + " server is " + version);
    }
}
