package io.github.pgnotifications;

import io.github.pgnotifications.internal.junit.PgNotificationsExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a fresh PostgreSQL database of its own, installs change triggers on {@link #tables()},
 * listens on their channels and on {@link #channels()}, and injects a {@link NotificationRecorder}.
 *
 * <pre>{@code
 * @PgNotifications(tables = "users", scripts = "classpath:schema.sql")
 * class UserRepositoryTest {
 *     @Test
 *     void createEmitsInsert(NotificationRecorder recorder, DataSource db) {
 *         new UserRepository(db).create("42", "Ada", "Lovelace");
 *         ChangeEvent event = recorder.channel("users").awaitInsert("42");
 *         assertThat(event.record()).containsEntry("first_name", "Ada");
 *     }
 * }
 * }</pre>
 *
 * <p>Parameters of type {@link NotificationRecorder}, {@link javax.sql.DataSource} and {@link ConnectionInfo} are
 * injected into test methods, lifecycle methods and constructors. {@code @Nested} classes share the enclosing class's
 * database and recorder unless they carry an annotation of their own. The annotation can be used as a
 * meta-annotation on a team's own annotation.
 *
 * <p>Where PostgreSQL comes from is chosen by configuration parameters (JUnit's {@code junit-platform.properties},
 * a system property, or an environment variable): the embedded server by default, an existing server when
 * {@value #JDBC_URL_PROPERTY_NAME} is set, a container when {@value #SERVER_PROPERTY_NAME} is {@code container}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PgNotificationsExtension.class)
public @interface PgNotifications {

    /**
     * Configuration parameter for the default await timeout, e.g. {@code 5s}, {@code 300ms}, {@code 1m} or an ISO-8601
     * duration such as {@code PT5S}. Used when {@link #timeout()} is not set. Default: 5 seconds.
     */
    String DEFAULT_TIMEOUT_PROPERTY_NAME = "pgnotifications.timeout";

    /**
     * Configuration parameter choosing where PostgreSQL comes from: {@code embedded} (the default), {@code existing}
     * (needs {@value #JDBC_URL_PROPERTY_NAME}) or {@code container} (needs Docker). Environment variable:
     * {@code PGNOTIFICATIONS_SERVER}.
     */
    String SERVER_PROPERTY_NAME = "pgnotifications.server";

    /**
     * Configuration parameter with the JDBC URL of an existing server, e.g.
     * {@code jdbc:postgresql://127.0.0.1:5432/test}. Setting it selects the existing-server mode. Environment variable:
     * {@code PGNOTIFICATIONS_JDBC_URL}.
     */
    String JDBC_URL_PROPERTY_NAME = "pgnotifications.jdbc-url";

    /** Configuration parameter with the user for {@value #JDBC_URL_PROPERTY_NAME}. Environment variable: {@code PGNOTIFICATIONS_USERNAME}. */
    String USERNAME_PROPERTY_NAME = "pgnotifications.username";

    /** Configuration parameter with the password for {@value #JDBC_URL_PROPERTY_NAME}. Environment variable: {@code PGNOTIFICATIONS_PASSWORD}. */
    String PASSWORD_PROPERTY_NAME = "pgnotifications.password";

    /**
     * Configuration parameter with the Docker image used in container mode. Default: {@code postgres:17-alpine}.
     * Environment variable: {@code PGNOTIFICATIONS_CONTAINER_IMAGE}.
     */
    String CONTAINER_IMAGE_PROPERTY_NAME = "pgnotifications.container.image";

    /**
     * Tables to install a change trigger on: exact catalog names (case and spaces as stored, no SQL quoting),
     * optionally qualified as {@code schema.table}. Each table's changes are sent to the channel named after the
     * table, without its schema, as JSON of the shape
     * {@code {"timestamp", "action", "db_schema", "table", "record", "old"}}.
     *
     * @return the tables to install a change trigger on; none by default
     */
    String[] tables() default {};

    /**
     * Further channels to listen on, for example those the team's own triggers notify. Exact names, 1 to 63 bytes.
     *
     * @return the further channels to listen on; none by default
     */
    String[] channels() default {};

    /**
     * Columns never sent in a payload, for example {@code password_hash}: left out of {@code record} and {@code old}
     * in every installed trigger's notifications. Each name must be a column of at least one of {@link #tables()}, so
     * that a typo cannot let a secret through. A hidden key column cannot be awaited by id.
     *
     * @return the columns never sent; none by default
     */
    String[] sensitiveColumns() default {};

    /**
     * SQL scripts run in order before the triggers are installed: {@code classpath:} resources or file paths. A script
     * may hold many statements, including functions with dollar-quoted bodies and triggers.
     *
     * @return the scripts to run, in order; none by default
     */
    String[] scripts() default {};

    /**
     * Default timeout of the recorder's awaits in this class, e.g. {@code 5s}, {@code 300ms} or {@code PT2S}.
     * Empty means: the configuration parameter {@value #DEFAULT_TIMEOUT_PROPERTY_NAME}, else 5 seconds.
     *
     * @return the default await timeout, or empty for the configured default
     */
    String timeout() default "";
}
