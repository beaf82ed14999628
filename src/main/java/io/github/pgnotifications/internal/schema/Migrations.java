package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.util.List;

/**
 * Runs a team's Flyway or Liquibase migrations into the test database before anything else, so that the triggers
 * can be installed on the tables they create. Both libraries are optional: their classes are loaded only when asked
 * for, and a missing one is named.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Migrates with Flyway (if locations are given), then Liquibase (if a changelog is given). */
    public static void run(ConnectionInfo database, List<String> flywayLocations, String liquibaseChangelog) {
        if (!flywayLocations.isEmpty()) {
            require("org.flywaydb.core.Flyway", "org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql",
                    "@PgNotifications(flyway)");
            FlywayMigrations.migrate(database, flywayLocations);
        }
        if (!liquibaseChangelog.isEmpty()) {
            require("liquibase.command.CommandScope", "org.liquibase:liquibase-core", "@PgNotifications(liquibase)");
            LiquibaseMigrations.update(database, liquibaseChangelog);
        }
    }

    private static void require(String className, String artifacts, String attribute) {
        try {
            Class.forName(className, false, Migrations.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SetupException(Messages.migrationLibraryMissing(attribute, artifacts));
        }
    }
}
