package io.github.pgnotifications.internal;

/**
 * The configuration parameter names, here so that messages can name them without importing the public annotation;
 * {@code PgNotifications} publishes each as a constant.
 */
public final class ConfigKeys {

    public static final String TABLES = "pgnotifications.tables";
    public static final String CHANNELS = "pgnotifications.channels";
    public static final String SCRIPTS = "pgnotifications.scripts";
    public static final String SENSITIVE_COLUMNS = "pgnotifications.sensitive-columns";
    public static final String FLYWAY = "pgnotifications.flyway";
    public static final String LIQUIBASE = "pgnotifications.liquibase";
    public static final String TIMEOUT = "pgnotifications.timeout";
    public static final String MAX_RECORDED = "pgnotifications.max-recorded";
    public static final String SERVER = "pgnotifications.server";
    public static final String JDBC_URL = "pgnotifications.jdbc-url";
    public static final String USERNAME = "pgnotifications.username";
    public static final String PASSWORD = "pgnotifications.password";
    public static final String CONTAINER_IMAGE = "pgnotifications.container.image";
    /** {@code false}: the library leaves a Quarkus application's test datasource alone (Dev Services then runs). */
    public static final String QUARKUS_ENABLED = "pgnotifications.quarkus.enabled";
    public static final String CONTRACTS_FOLDER = "pgnotifications.contracts.folder";
    public static final String CONTRACTS = "pgnotifications.contracts";
    public static final String CONTRACTS_ADDITIVE = "pgnotifications.contracts.additive";
    public static final String CONTRACTS_RUN_ID = "pgnotifications.contracts.run-id";
    /**
     * Not published: what the library takes as the {@code CI} environment variable, so that the library's own tests
     * can run the CI behaviour without changing the real environment.
     */
    public static final String CONTRACTS_CI_FOR_TESTS = "pgnotifications.internal.ci";

    private ConfigKeys() {
    }
}
