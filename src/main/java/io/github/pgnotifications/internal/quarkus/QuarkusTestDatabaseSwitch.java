package io.github.pgnotifications.internal.quarkus;

import io.github.pgnotifications.internal.ConfigKeys;
import io.github.pgnotifications.internal.core.ConfigurationParameters;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the library supplies the test database of a Quarkus application: when the application has Quarkus's JDBC
 * datasource (Agroal) with the PostgreSQL driver extension, unless {@value ConfigKeys#QUARKUS_ENABLED} is
 * {@code false} (a system property, a line in {@code junit-platform.properties}, or the environment variable
 * {@code PGNOTIFICATIONS_QUARKUS_ENABLED}). Names no Quarkus type, so that it loads where Quarkus is absent.
 */
public final class QuarkusTestDatabaseSwitch {

    /**
     * The datasource URL the config source supplies in the test profile while Quarkus builds the application, so that
     * Dev Services (which would need Docker) stands down; the test resource replaces it before the application starts.
     * A host under {@code .invalid} never resolves, so an application that somehow kept it fails at once.
     */
    public static final String PLACEHOLDER_URL = "jdbc:postgresql://replaced-by-pg-notifications.invalid/test-database";

    private static final String AGROAL = "io.quarkus.agroal.runtime.AgroalDataSourceSupport";
    private static final String POSTGRESQL_EXTENSION =
            "io.quarkus.jdbc.postgresql.runtime.PostgreSQLAgroalConnectionConfigurer";
    private static final String ENVIRONMENT_VARIABLE = "PGNOTIFICATIONS_QUARKUS_ENABLED";

    private QuarkusTestDatabaseSwitch() {
    }

    /** Whether the application that {@code loader} loads gets its test database from the library. */
    static boolean applies(ClassLoader loader) {
        return enabled() && present(AGROAL, loader) && present(POSTGRESQL_EXTENSION, loader);
    }

    static boolean enabled() {
        Optional<String> value = ConfigurationParameters.outsideJUnit().apply(ConfigKeys.QUARKUS_ENABLED)
                .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE)));
        return value.map(v -> !v.trim().toLowerCase(Locale.ROOT).equals("false")).orElse(true);
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
