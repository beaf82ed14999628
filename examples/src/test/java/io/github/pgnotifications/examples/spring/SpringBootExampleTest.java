package io.github.pgnotifications.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.Commit;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Spring Boot application tested through the notifications its writes cause: {@link CustomerService} is called as
 * the application calls it, and each test awaits the change recorded by the trigger the library installs on
 * {@code customers}, or the announcement of the team's own trigger on {@code customer_events}.
 *
 * <p><b>The schema comes from the application's Flyway migrations.</b> {@code flyway = "classpath:db/migration"}
 * migrates them into the test database before the first test, before the library installs its trigger on
 * {@code customers}, and before Spring starts. Spring's own Flyway stays enabled, as in production: when the context
 * starts it finds {@code flyway_schema_history} at version 2, validates the checksums of the applied migrations
 * against the files, and applies nothing. So the test runs the application's real start-up, with no Flyway switch
 * of its own, and fails if the two disagree (Spring's Flyway set to another history table, for example, stops the
 * context with "Found non-empty schema(s) ... but no schema history table");
 * {@link #springsFlywayFindsTheSchemaMigrated} shows that each migration is recorded once. The {@code flyway}
 * attribute is not needed for that: without it the application's own Flyway builds the schema as the context starts,
 * and the library installs its triggers after it ({@code examples.jpa.ShopNotificationsTest}); with it, give the
 * library the same locations as {@code spring.flyway.locations} (here Spring's default).
 *
 * <p><b>No code to point the application at the test database.</b> {@code @PgNotifications} on a Spring test class
 * prepares the database when Spring builds the application context and sets {@code spring.datasource.url},
 * {@code username} and {@code password} for it: the application's own connection pool (Hikari here) and its Flyway
 * use it as they would any database. No static field, no {@code @DynamicPropertySource}, no {@code @DirtiesContext}:
 * Spring caches the context as usual, and test classes with the same Spring configuration and the same
 * {@code @PgNotifications} share it, and its database. Rows written by an earlier class that shared the context are
 * still there; each test still sees only the notifications committed after it started.
 *
 * <p><b>Transactional tests.</b> A test annotated {@code @Transactional} runs in a transaction that Spring rolls back
 * after the test: nothing is committed, so nothing is notified. The tests that await notifications are not
 * {@code @Transactional}, so the service's own transaction commits; the last three tests show the trap and its fix.
 */
@SpringBootTest
@PgNotifications(flyway = "classpath:db/migration", tables = "customers", channels = "customer_events")
@Timeout(60)
class SpringBootExampleTest {

    @Autowired
    private CustomerService customers;

    @Test
    void signUpIsRecordedByTheInstalledTrigger(NotificationRecorder recorder) {
        long id = customers.signUp("Ada Lovelace", "ada@example.com");

        ChangeEvent inserted = recorder.channel("customers").awaitInsert(id);

        assertThat(inserted.record()).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com");
    }

    @Test
    void signUpIsAnnouncedByTheTeamsOwnTrigger(NotificationRecorder recorder) {
        long id = customers.signUp("Grace Hopper", "grace@example.com");

        Notification announced = recorder.channel("customer_events")
                .awaitNotification("created:" + id, notification -> notification.payload().equals("created:" + id));

        assertThat(announced.channel()).isEqualTo("customer_events");
    }

    /**
     * The library migrated first; Spring's Flyway (the bean exists only while it is enabled) ran again when the
     * context started and found nothing to do: nothing is pending, and each version is in the history once. The
     * injected {@link DataSource} is the library's, so the query reads the database the library prepared: the one the
     * application's pool uses too.
     */
    @Test
    void springsFlywayFindsTheSchemaMigrated(@Autowired Flyway springsFlyway, DataSource db) {
        assertThat(springsFlyway.info().pending()).isEmpty();

        assertThat(JdbcClient.create(db)
                .sql("SELECT version FROM flyway_schema_history ORDER BY installed_rank")
                .query(String.class)
                .list())
                .containsExactly("1", "2");
    }

    /** The trap: the sign-up joins the test's transaction, which is still open during the await, then rolled back. */
    @Test
    @Transactional
    void rollbackOnlyTestTransactionSendsNothing(NotificationRecorder recorder) {
        long id = customers.signUp("Alan Turing", "alan@example.com");

        assertThatThrownBy(() -> recorder.channel("customers").within(Duration.ofMillis(300)).awaitInsert(id))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for INSERT id=" + id + " on channel 'customers'")
                .hasMessageContaining("Nothing arrived");
    }

    /** {@code @Commit} is no fix for an await inside the test: Spring commits only after the test method returns. */
    @Test
    @Transactional
    @Commit
    void commitAfterTheTestIsTooLateForAnAwaitInsideIt(NotificationRecorder recorder) {
        long id = customers.signUp("Edsger Dijkstra", "edsger@example.com");

        assertThatThrownBy(() -> recorder.channel("customer_events").within(Duration.ofMillis(300))
                .awaitNotification("created:" + id, notification -> notification.payload().equals("created:" + id)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Nothing arrived");
    }

    /** The fix inside a {@code @Transactional} test: commit the test's transaction before awaiting. */
    @Test
    @Transactional
    void committingTheTestTransactionSendsTheNotifications(NotificationRecorder recorder) {
        long id = customers.signUp("Barbara Liskov", "barbara@example.com");
        ChannelRecorder changes = recorder.channel("customers");

        TestTransaction.flagForCommit();
        TestTransaction.end();

        assertThat(changes.awaitInsert(id).record()).containsEntry("name", "Barbara Liskov");
    }
}
