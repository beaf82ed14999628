package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pgnotifications.support.Sql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The core without the extension, as TestNG, Cucumber or Spock users would drive it. */
@Timeout(60)
class PlainJavaTest {

    @Test
    void aSessionRecordsWithoutJUnitsHelpAndDropsItsDatabaseWhenClosed() {
        String database;
        try (PgNotificationsSession session = PgNotificationsSession.builder()
                .tables("items").scripts("classpath:lifecycle.sql").timeout(Duration.ofSeconds(2)).start()) {
            exec(session.dataSource(), "INSERT INTO items VALUES (1, 'plain')");

            assertThat(session.recorder().channel("items").awaitInsert(1).record()).containsEntry("name", "plain");
            assertThat(session.recorder().channel("items").timeout()).hasSeconds(2);
            database = Sql.column(session.dataSource(), "SELECT current_database()").get(0);
        }
        try (PgNotificationsSession other = PgNotificationsSession.builder().channels("c").start()) {
            assertThat(Sql.column(other.dataSource(), "SELECT datname FROM pg_database")).doesNotContain(database);
        }
    }

    @Test
    void aSessionCanUseAServerTheTeamAlreadyRuns() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start();
             PgNotificationsSession session = PgNotificationsSession.builder()
                     .server(new ConnectionInfo("jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                             "postgres", ""))
                     .channels("c").start()) {
            assertThat(session.connectionInfo().jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + server.getPort());
            exec(session.dataSource(), "SELECT pg_notify('c', 'on the team''s server')");
            assertThat(session.recorder().channel("c").awaitNotification("it", n -> true).payload())
                    .isEqualTo("on the team's server");
        }
    }

    @Test
    void aBadSetupNamesTheBuilderMethodNotTheAnnotation() {
        assertThatThrownBy(() -> PgNotificationsSession.builder().scripts("classpath:nope.sql").start())
                .isInstanceOf(PgNotificationsException.class)
                .hasMessage("Script 'classpath:nope.sql' in PgNotificationsSession.builder().scripts(...) was not found"
                        + " on the test classpath. Put it under src/test/resources (classpath:schema.sql is"
                        + " src/test/resources/schema.sql), or give a file path.")
                .hasNoCause();
    }

    @Test
    void aBadTableNamesTheBuilderMethodAndTheFailureStartsAtTheCallersLine() {
        Throwable failure = catchThrowable(() -> PgNotificationsSession.builder().tables("nope").start());

        assertThat(failure).isInstanceOf(PgNotificationsException.class)
                .hasMessage("Table 'nope' in PgNotificationsSession.builder().tables(...) does not exist. Tables that"
                        + " exist: none. Create it in a migration or script, or fix the name: names are exact catalog"
                        + " names (case and spaces as stored, no quotes), optionally schema.table.");
        assertThat(failure.getStackTrace()[0].getClassName()).startsWith(PlainJavaTest.class.getName());
    }
}
