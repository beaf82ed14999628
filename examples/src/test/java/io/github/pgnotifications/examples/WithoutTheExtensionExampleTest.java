package io.github.pgnotifications.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.PgNotificationsSession;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The library without its JUnit extension, as a TestNG, Cucumber or Spock suite would drive it: a
 * {@link PgNotificationsSession} opened once for the class, reset before each test, closed at the end. The lifecycle
 * methods here are JUnit's only because the examples run on JUnit; in TestNG they are {@code @BeforeClass},
 * {@code @BeforeMethod} and {@code @AfterClass}, in Cucumber hooks, in Spock {@code setupSpec}, {@code setup} and
 * {@code cleanupSpec}.
 */
@Timeout(30)
class WithoutTheExtensionExampleTest {

    private static PgNotificationsSession session;
    private static UserRepository users;

    @BeforeAll
    static void startSession() {
        session = PgNotificationsSession.builder().tables("users").scripts("classpath:users.sql").start();
        users = new UserRepository(session.dataSource());
    }

    @BeforeEach
    void forgetTheLastTestsNotifications() {
        session.recorder().reset();
    }

    @AfterAll
    static void closeSession() {
        session.close();
    }

    @Test
    void createIsRecordedAsAnInsert() throws SQLException {
        users.create(1, "Ada", "Lovelace");

        ChangeEvent inserted = session.recorder().channel("users").awaitInsert(1);

        assertThat(inserted.record()).containsEntry("last_name", "Lovelace");
    }

    @Test
    void aSessionOfItsOwnIsClosedByTryWithResources() throws SQLException {
        try (PgNotificationsSession own = PgNotificationsSession.builder()
                .tables("users").scripts("classpath:users.sql").start()) {
            new UserRepository(own.dataSource()).create(2, "Grace", "Hopper");

            ChangeEvent inserted = own.recorder().channel("users").awaitInsert(2);

            assertThat(inserted.record()).containsEntry("first_name", "Grace");
        }
    }

    @Test
    void eachTestStartsWithAnEmptyRecording() {
        session.recorder().channel("users").assertNothingReceived();
    }
}
