package io.github.pgnotifications;

import io.github.pgnotifications.internal.ConfigKeys;
import io.github.pgnotifications.internal.junit.OneTestAtATime;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test class against a fresh PostgreSQL database of its own, installs change triggers on {@link #tables()},
 * listens on their channels and on {@link #channels()}, and injects a {@link NotificationRecorder}. On a Spring test
 * class the database belongs to the application context instead: classes that share a cached context share its
 * database (see docs/spring.md).
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
 * meta-annotation on a team's own annotation. Under JUnit's parallel execution the tests of one class run one at a
 * time (they share the recorder, reset before each test); classes run in parallel with each other.
 *
 * <p>Each attribute can also be set for the whole suite as a JUnit configuration parameter (a system property or a
 * line in {@code junit-platform.properties}), named by the {@code *_PROPERTY_NAME} constants here; a list is written
 * comma-separated. An attribute set on the annotation wins over the parameter.
 *
 * <p>Where PostgreSQL comes from is chosen by configuration parameters (or environment variables): the embedded
 * server by default, an existing server when {@value #JDBC_URL_PROPERTY_NAME} is set, a container when
 * {@value #SERVER_PROPERTY_NAME} is {@code container}; or, for one class, by {@link #server()}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PgNotificationsJUnitExtension.class)
@ResourceLock(value = OneTestAtATime.SHARED_RESOURCE, mode = ResourceAccessMode.READ, providers = OneTestAtATimeLocks.class)
public @interface PgNotifications {

    /** Configuration parameter for {@link #tables()} in every annotated class, comma-separated. */
    String TABLES_PROPERTY_NAME = ConfigKeys.TABLES;

    /** Configuration parameter for {@link #channels()} in every annotated class, comma-separated. */
    String CHANNELS_PROPERTY_NAME = ConfigKeys.CHANNELS;

    /** Configuration parameter for {@link #scripts()} in every annotated class, comma-separated. */
    String SCRIPTS_PROPERTY_NAME = ConfigKeys.SCRIPTS;

    /** Configuration parameter for {@link #sensitiveColumns()} in every annotated class, comma-separated. */
    String SENSITIVE_COLUMNS_PROPERTY_NAME = ConfigKeys.SENSITIVE_COLUMNS;

    /** Configuration parameter for {@link #flyway()} in every annotated class, comma-separated. */
    String FLYWAY_PROPERTY_NAME = ConfigKeys.FLYWAY;

    /** Configuration parameter for {@link #liquibase()} in every annotated class. */
    String LIQUIBASE_PROPERTY_NAME = ConfigKeys.LIQUIBASE;

    /**
     * Configuration parameter for the default await timeout, e.g. {@code 5s}, {@code 300ms}, {@code 1m} or an ISO-8601
     * duration such as {@code PT5S}. Used when {@link #timeout()} is not set. Default: 5 seconds.
     */
    String DEFAULT_TIMEOUT_PROPERTY_NAME = ConfigKeys.TIMEOUT;

    /**
     * Configuration parameter with how many notifications the recorder keeps per test: past it, the oldest are
     * dropped (a tenth of the window at a time), and a timed-out await says so. Default: 100000.
     */
    String MAX_RECORDED_PROPERTY_NAME = ConfigKeys.MAX_RECORDED;

    /**
     * Configuration parameter choosing where PostgreSQL comes from: {@code embedded} (the default), {@code existing}
     * (needs {@value #JDBC_URL_PROPERTY_NAME}) or {@code container} (needs Docker). Environment variable:
     * {@code PGNOTIFICATIONS_SERVER}.
     */
    String SERVER_PROPERTY_NAME = ConfigKeys.SERVER;

    /**
     * Configuration parameter with the JDBC URL of an existing server, e.g.
     * {@code jdbc:postgresql://127.0.0.1:5432/test}. Setting it selects the existing-server mode. Environment
     * variable: {@code PGNOTIFICATIONS_JDBC_URL}.
     */
    String JDBC_URL_PROPERTY_NAME = ConfigKeys.JDBC_URL;

    /**
     * Configuration parameter with the user for {@value #JDBC_URL_PROPERTY_NAME}. Environment variable:
     * {@code PGNOTIFICATIONS_USERNAME}.
     */
    String USERNAME_PROPERTY_NAME = ConfigKeys.USERNAME;

    /**
     * Configuration parameter with the password for {@value #JDBC_URL_PROPERTY_NAME}. Environment variable:
     * {@code PGNOTIFICATIONS_PASSWORD}.
     */
    String PASSWORD_PROPERTY_NAME = ConfigKeys.PASSWORD;

    /**
     * Configuration parameter with the Docker image used in container mode. Default: {@code postgres:17-alpine}.
     * Environment variable: {@code PGNOTIFICATIONS_CONTAINER_IMAGE}.
     */
    String CONTAINER_IMAGE_PROPERTY_NAME = ConfigKeys.CONTAINER_IMAGE;

    /**
     * Configuration parameter for {@link #contracts()} in every annotated class: the folder of the payload contracts,
     * e.g. {@code src/test/resources/pg-notifications}. Setting it turns contracts on for the whole suite.
     */
    String CONTRACTS_FOLDER_PROPERTY_NAME = ConfigKeys.CONTRACTS_FOLDER;

    /**
     * Configuration parameter with what a run does with the contract files: {@code update} rewrites every listened
     * channel's file from this run; {@code verify} writes nothing and fails on a missing or different contract. Unset:
     * {@code verify} where the {@code CI} environment variable is set, else missing files are written and the others
     * verified.
     */
    String CONTRACTS_PROPERTY_NAME = ConfigKeys.CONTRACTS;

    /**
     * Configuration parameter saying whether additive contract changes (a new field, a new action) pass:
     * {@code pass}, or {@code fail} (the default) until the contract is updated. Breaking changes always fail.
     */
    String CONTRACTS_ADDITIVE_PROPERTY_NAME = ConfigKeys.CONTRACTS_ADDITIVE;

    /**
     * Configuration parameter naming the run, for forks that must merge the contract files they write: by default
     * the forks of one Maven Surefire or Failsafe run share the build's JVM as their run; set it once per build where
     * forks outlive builds (a Gradle daemon's test workers with {@code maxParallelForks > 1}).
     */
    String CONTRACTS_RUN_ID_PROPERTY_NAME = ConfigKeys.CONTRACTS_RUN_ID;

    /**
     * Tables to install a change trigger on: exact catalog names (case and spaces as stored, no SQL quoting),
     * optionally qualified as {@code schema.table}. Each table's changes are sent to the channel named after the
     * table, without its schema, as JSON of the shape
     * {@code {"timestamp", "action", "db_schema", "table", "record", "old", "seq"}}.
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
     * Flyway migration locations, e.g. {@code classpath:db/migration}, migrated into the test database first, before
     * {@link #scripts()} and before the triggers are installed. Needs {@code org.flywaydb:flyway-core} and
     * {@code flyway-database-postgresql} on the test classpath.
     *
     * @return the Flyway locations; none by default
     */
    String[] flyway() default {};

    /**
     * A Liquibase changelog on the classpath, e.g. {@code db/changelog/db.changelog-master.yaml}, updated into the test
     * database first, before {@link #scripts()} and before the triggers are installed. Needs
     * {@code org.liquibase:liquibase-core} on the test classpath.
     *
     * @return the changelog; none by default
     */
    String liquibase() default "";

    /**
     * SQL scripts run in order before the triggers are installed: {@code classpath:} resources or file paths. A
     * script may hold many statements, including functions with dollar-quoted bodies and triggers.
     *
     * @return the scripts to run; none by default
     */
    String[] scripts() default {};

    /**
     * Default timeout of the recorder's awaits in this class, e.g. {@code 5s}, {@code 300ms} or {@code PT2S}.
     * Empty means: the configuration parameter {@value #DEFAULT_TIMEOUT_PROPERTY_NAME}, else 5 seconds.
     *
     * @return the await timeout; empty by default
     */
    String timeout() default "";

    /**
     * The server for this class, named as a static field or no-argument static method of the test class that holds a
     * {@link ConnectionInfo} or a Testcontainers {@code JdbcDatabaseContainer} (started if it is not running yet), for
     * a team that already manages its own PostgreSQL container. The test database is created on that server. Empty
     * means: the server chosen by configuration.
     *
     * @return the name of the field or method; empty by default
     */
    String server() default "";

    /**
     * Turns payload contracts on: the folder, relative to the working directory (the module's directory under Maven
     * and Gradle), that holds one JSON Schema file per listened channel ({@code <channel>.schema.json}) and an
     * AsyncAPI 3.0 document ({@code asyncapi.json}) referencing them. A channel of a table with the library's trigger
     * gets its contract from the catalog, checked when the class starts; any other channel gets the shape of the
     * payloads the run recorded, and each test's payloads are checked against it. Missing files are written on a
     * developer's machine and fail where the {@code CI} environment variable is set; see
     * {@value #CONTRACTS_PROPERTY_NAME} and docs/contracts.md. Empty means: the configuration parameter
     * {@value #CONTRACTS_FOLDER_PROPERTY_NAME}, else contracts are off.
     *
     * <pre>{@code
     * @PgNotifications(tables = "users", contracts = "src/test/resources/pg-notifications")
     * }</pre>
     *
     * @return the contracts folder; empty by default
     */
    String contracts() default "";
}
