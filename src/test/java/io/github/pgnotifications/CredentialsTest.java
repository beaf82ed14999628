package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.Throwables;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Against a server that checks passwords (SCRAM): credentials work, and never appear in messages or logs. */
@Timeout(120)
class CredentialsTest {

    private static final String USER = "app_secure";
    private static final String PASSWORD = "right-password-42";
    private static EmbeddedPostgres secured;

    @BeforeAll
    static void startServerThatChecksPasswords() throws Exception {
        secured = EmbeddedPostgres.builder().setDataDirectoryCustomizer(CredentialsTest::requirePassword).start();
        exec(secured.getPostgresDatabase(), "CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
    }

    private static void requirePassword(File dataDirectory) {
        Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
        try {
            Files.writeString(hba, "host all " + USER + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + USER + " ::1/128 scram-sha-256\n" + Files.readString(hba));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        secured.close();
    }

    @Test
    void aWrongPasswordInTheUrlFailsTheClassWithoutShowingThePassword() {
        String wrong = "wrong-password-77";
        StringBuilder logged = new StringBuilder();

        Throwable failure = Engine.firstFailure(capturingLogs(logged, () -> Engine.run(OneCase.class, Map.of(
                PgNotifications.JDBC_URL_PROPERTY_NAME, url() + "?password=" + wrong,
                PgNotifications.USERNAME_PROPERTY_NAME, USER))));

        assertThat(failure).hasMessageContaining("password authentication failed for user \"" + USER + "\"");
        assertThat(Throwables.stackTrace(failure)).doesNotContain(wrong);
        assertThat(logged).doesNotContain(wrong);
    }

    @Test
    void theRightPasswordWorksForTheDataSourceAndTheListenerAndIsNeverLogged() {
        StringBuilder logged = new StringBuilder();

        EngineExecutionResults results = capturingLogs(logged, () -> Engine.run(OneCase.class, Map.of(
                PgNotifications.JDBC_URL_PROPERTY_NAME, url(),
                PgNotifications.USERNAME_PROPERTY_NAME, USER,
                PgNotifications.PASSWORD_PROPERTY_NAME, PASSWORD)));

        Engine.assertPassed(results, 1);
        assertThat(logged).doesNotContain(PASSWORD);
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql")
    static class OneCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db, ConnectionInfo info) {
            exec(db, "INSERT INTO items VALUES (1, 'x')");
            assertThat(recorder.channel("items").awaitInsert(1)).isNotNull();
            assertThat(info.toString()).doesNotContain(PASSWORD);
        }
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + secured.getPort() + "/postgres";
    }

    /** Runs with standard error (where the test logger writes) captured into {@code logged}. */
    private static <T> T capturingLogs(StringBuilder logged, Supplier<T> run) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setErr(original);
            logged.append(buffer.toString(StandardCharsets.UTF_8));
        }
    }

}
