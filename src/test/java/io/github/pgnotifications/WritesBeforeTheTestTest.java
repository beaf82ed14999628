package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.Engine;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * A write made before the test's reset (in {@code @BeforeAll}, {@code @BeforeEach} or an earlier test) and awaited in
 * the test: the timeout names it and says why it does not count, instead of asking whether the write was committed.
 */
@Timeout(120)
class WritesBeforeTheTestTest {

    private static final String WHY = "The recorder is reset before each test (before its @BeforeEach methods, and"
            + " again before the test method), so what @BeforeAll, @BeforeEach or an earlier test wrote does not count"
            + " here: make the write in the test method, or await it where it is made (in @BeforeEach).";

    @Test
    void aRowWrittenInBeforeAllIsNamedWhenTheTestAwaitsIt() {
        Throwable failure = Engine.firstFailure(Engine.run(BeforeAllCase.class));

        assertThat(failure).isInstanceOf(AssertionFailedError.class).message().matches(
                "Timed out after 100ms waiting for INSERT id='acme' on channel 'accounts'\\.\n"
                        + "Nothing arrived on 'accounts' since the test started\\.\n"
                        + "Would have matched, but arrived before the test started \\(1\\):\n"
                        + "  INSERT code='acme', \\d+ms before the test started\n"
                        + java.util.regex.Pattern.quote(WHY));
    }

    @Test
    void aRowWrittenInBeforeEachOrAnEarlierTestIsNamedToo() {
        Throwable failure = Engine.firstFailure(Engine.run(BeforeEachAndEarlierTestCase.class));

        assertThat(failure).message().matches(
                "Timed out after 100ms waiting for a change matching the given condition on channel 'accounts'\\.\n"
                        + "Nothing arrived on 'accounts' since the test started\\.\n"
                        + "Would have matched, but arrived before the test started \\(2\\):\n"
                        + "  INSERT code='earlier', \\d+ms before the test started\n"
                        + "  INSERT code='fixture-2', \\d+ms before the test started\n"
                        + java.util.regex.Pattern.quote(WHY));
    }

    @Test
    void whatArrivedBeforeTheTestAndWouldNotHaveMatchedIsLeftOut() {
        Throwable failure = Engine.firstFailure(Engine.run(NoMatchBeforeCase.class));

        assertThat(failure).hasMessage("Timed out after 100ms waiting for INSERT id='other' on channel 'accounts'.\n"
                + "Nothing arrived on 'accounts' since the test started. Was the write committed? A transaction that"
                + " is still open, or rolled back (as a Spring @Transactional or a Quarkus @TestTransaction test is), sends"
                + " no notification.");
    }

    @PgNotifications(tables = "accounts", scripts = "classpath:recorder.sql")
    static class BeforeAllCase {
        @BeforeAll
        static void fixture(DataSource db) {
            exec(db, "INSERT INTO accounts VALUES ('acme', 'wile')");
        }

        @Test
        void test(NotificationRecorder recorder) {
            recorder.channel("accounts").within(Duration.ofMillis(100)).awaitInsert("acme");
        }
    }

    @PgNotifications(tables = "accounts", scripts = "classpath:recorder.sql")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class BeforeEachAndEarlierTestCase {
        private static int fixtures;

        @BeforeEach
        void fixture(DataSource db) {
            exec(db, "INSERT INTO accounts VALUES ('fixture-" + ++fixtures + "', 'x')");
        }

        @Test
        @Order(1)
        void earlier(DataSource db) {
            exec(db, "INSERT INTO accounts VALUES ('earlier', 'y')", "INSERT INTO accounts VALUES ('unrelated', 'n')");
        }

        @Test
        @Order(2)
        void later(NotificationRecorder recorder) {
            recorder.channel("accounts").within(Duration.ofMillis(100))
                    .await(change -> change.record().get("owner").equals("y")
                            || change.record().get("code").equals("fixture-2"));
        }
    }

    @PgNotifications(tables = "accounts", scripts = "classpath:recorder.sql")
    static class NoMatchBeforeCase {
        @BeforeAll
        static void fixture(DataSource db) {
            exec(db, "INSERT INTO accounts VALUES ('acme', 'wile')");
        }

        @Test
        void test(NotificationRecorder recorder) {
            recorder.channel("accounts").within(Duration.ofMillis(100)).awaitInsert("other");
        }
    }
}
