package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.util.List;
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
            throw new SetupException(Messages.migrationFailed("Flyway", String.join(", ", locations),
                    e.getMessage()), e);
        }
    }
}
