package io.github.pgnotifications;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.support.Engine;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An absence check never passes when it could not have seen anything: not while a transaction that writes to the
 * channel's tables is still open, on this thread (Spring's) or in another session.
 */
@Timeout(60)
@PgNotifications(tables = {"users", "accounts"}, channels = "raw", scripts = "classpath:recorder.sql")
class AbsenceProofTest {

    private static final String OPEN_WRITER = "Cannot prove nothing arrived on channel 'users': a transaction that"
            + " wrote to its table\\(s\\) is still open:\n"
            + "  session \\d+ \\(PostgreSQL JDBC Driver\\) is idle in transaction with uncommitted writes for [^:]+:"
            + " its notifications are sent only when it commits; last statement: INSERT INTO users VALUES \\(1, 'a',"
            + " 'b'\\)\n"
            + "Commit \\(or roll back\\) that transaction before checking: a connection with autoCommit off needs"
            + " commit\\(\\); a Spring @Transactional test needs TestTransaction.flagForCommit\\(\\) and"
            + " TestTransaction.end\\(\\), or no @Transactional and a TransactionTemplate that commits; a Quarkus"
            + " @TestTransaction test never commits: drop @TestTransaction and let the application's own"
            + " @Transactional method commit.";

    private final NotificationRecorder recorder;
    private final DataSource db;

    AbsenceProofTest(NotificationRecorder recorder, DataSource db) {
        this.recorder = recorder;
        this.db = db;
    }

    @Test
    void anAbsenceCheckFailsWhileAConnectionHoldsUncommittedWritesToTheChannelsTable() throws Exception {
        try (Connection open = db.getConnection(); Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("INSERT INTO users VALUES (1, 'a', 'b')");

            assertThatThrownBy(() -> recorder.channel("users").assertNothingReceived())
                    .isInstanceOf(PgNotificationsException.class).message().matches(OPEN_WRITER);
            assertThatThrownBy(() -> assertThat(recorder.channel("users")).receivedExactly(0))
                    .isInstanceOf(PgNotificationsException.class)
                    .hasMessageStartingWith("Cannot prove exactly 0 notifications arrived on channel 'users': a"
                            + " transaction that wrote to its table(s) is still open");
            assertThatThrownBy(() -> recorder.channel("users").assertNothingElse())
                    .hasMessageStartingWith("Cannot prove nothing else arrived on channel 'users'");
            open.rollback();
        }
    }

    @Test
    void writesToAnotherTableDoNotStopAnAbsenceCheck() throws Exception {
        try (Connection open = db.getConnection(); Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("INSERT INTO users VALUES (2, 'a', 'b')");

            recorder.channel("accounts").assertNothingReceived();
            open.rollback();
        }
    }

    @Test
    void aChannelNoTableSendsToIsUnprovableWhileAnySessionHoldsWrites() throws Exception {
        try (Connection open = db.getConnection(); Statement statement = open.createStatement()) {
            open.setAutoCommit(false);
            statement.execute("INSERT INTO users VALUES (3, 'a', 'b')");

            assertThatThrownBy(() -> recorder.channel("raw").assertNothingReceived())
                    .hasMessageStartingWith("Cannot prove nothing arrived on channel 'raw': a transaction that wrote"
                            + " to its table(s) is still open");
            open.rollback();
        }
    }

    @Test
    void anAbsenceCheckPassesOnceTheWriterHasCommittedWhatItWrote() {
        exec(db, "SELECT 1");

        recorder.channel("users").assertNothingReceived();
        assertThat(recorder.channel("users")).receivedNothing().receivedExactly(0);
    }

    @Test
    void anAbsenceCheckInsideSpringsTestTransactionFailsSayingHowToCommit() {
        Throwable failure = Engine.firstFailure(Engine.run(TransactionalTestCase.class));

        assertThat(failure).isInstanceOf(PgNotificationsException.class).hasMessage("Cannot prove nothing arrived on"
                + " channel 'users': this test runs inside Spring's test-managed transaction (a @Transactional test,"
                + " or a slice such as @DataJpaTest), which is still open, so nothing written in it is committed and"
                + " no notification of it can have been sent. Commit before checking: call"
                + " TestTransaction.flagForCommit() and TestTransaction.end() (@Commit alone commits only after the"
                + " test method); or remove @Transactional from the test (on a slice: @Transactional(propagation ="
                + " Propagation.NOT_SUPPORTED)) and let the service's own transaction, or a TransactionTemplate,"
                + " commit.");
    }

    @Test
    void anAbsenceCheckInsideATransactionTemplateFailsSayingToCheckAfterItCommits() {
        Throwable failure = Engine.firstFailure(Engine.run(TransactionTemplateCase.class));

        assertThat(failure).isInstanceOf(PgNotificationsException.class).hasMessage("Cannot prove nothing arrived on"
                + " channel 'users': this thread is inside a Spring transaction that has not committed yet"
                + " (TransactionSynchronizationManager.isActualTransactionActive()), so nothing written in it has"
                + " sent a notification. Check after the transaction commits: outside the @Transactional method or"
                + " the TransactionTemplate callback.");
    }

    @Test
    void aTimedOutAwaitInsideSpringsTestTransactionNamesItAsAHazard() {
        Throwable failure = Engine.firstFailure(Engine.run(TransactionalAwaitCase.class));

        assertThat(failure).hasMessageContaining("\nHazards:\n  this thread is inside Spring's test-managed"
                + " transaction, which is still open: what the test wrote in it is sent only when it commits (call"
                + " TestTransaction.flagForCommit() and TestTransaction.end() before awaiting, or remove @Transactional"
                + " from the test)\n  session ");
    }

    @Test
    void anAbsenceCheckAfterTheTestTransactionEndedProvesWhatItSays() {
        Engine.assertPassed(Engine.run(CommittedTestTransactionCase.class), 1);
    }

    @Configuration
    @EnableTransactionManagement
    static class Application {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    @SpringJUnitConfig(Application.class)
    @PgNotifications(tables = "users", scripts = "classpath:recorder.sql")
    static class TransactionalTestCase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        @Transactional
        void test(NotificationRecorder recorder) {
            jdbc.update("INSERT INTO users VALUES (1, 'rolled', 'back')");
            recorder.channel("users").assertNothingReceived();
        }
    }

    @SpringJUnitConfig(Application.class)
    @PgNotifications(tables = "users", scripts = "classpath:recorder.sql")
    static class TransactionalAwaitCase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        @Transactional
        void test(NotificationRecorder recorder) {
            jdbc.update("INSERT INTO users VALUES (4, 'not', 'committed')");
            recorder.channel("users").within(java.time.Duration.ofMillis(100)).awaitInsert(4);
        }
    }

    @SpringJUnitConfig(Application.class)
    @PgNotifications(tables = "users", scripts = "classpath:recorder.sql")
    static class TransactionTemplateCase {
        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        PlatformTransactionManager transactions;

        @Test
        void test(NotificationRecorder recorder) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.update("INSERT INTO users VALUES (2, 'not', 'yet')");
                recorder.channel("users").assertNothingReceived();
            });
        }
    }

    @SpringJUnitConfig(Application.class)
    @PgNotifications(tables = "users", scripts = "classpath:recorder.sql")
    static class CommittedTestTransactionCase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        @Transactional
        void test(NotificationRecorder recorder) {
            jdbc.update("INSERT INTO users VALUES (3, 'com', 'mitted')");
            TestTransaction.flagForCommit();
            TestTransaction.end();
            assertThat(recorder.channel("users")).receivedExactly(1);
            recorder.channel("users").assertNothingElse();
        }
    }
}
