package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Flyway, loaded only when {@code flyway} locations are given. */
final class FlywayMigrations {

    private FlywayMigrations() {
    }

    static void migrate(ConnectionInfo database, List<String> locations) {
        try {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), database.username(), database.password())
                    .locations(locations.toArray(String[]::new))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String where = String.join(", ", locations);
            throw new SetupException(failedStatement(e)
                    .map(statement -> Messages.migrationStatementFailed("Flyway", where, e.getMessage(), statement))
                    .orElseGet(() -> Messages.migrationFailed("Flyway", where, e.getMessage())), e);
        }
    }

    /**
     * The statement that failed, where Flyway knows it: its message says only to run with -X to see it. Read by
     * name, since the exception that carries it is in Flyway's internals, which change between versions.
     */
    private static Optional<String> failedStatement(FlywayException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            try {
                Object statement = cause.getClass().getMethod("getStatement").invoke(cause);
                if (statement instanceof String text && !text.isBlank()) {
                    return Optional.of(text.strip());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not the exception that knows the statement; look at its cause.
            }
        }
        return Optional.empty();
    }
}
