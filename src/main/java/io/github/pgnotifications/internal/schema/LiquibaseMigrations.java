package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.provision.Jdbc;
import java.io.OutputStream;
import java.sql.Connection;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;

/** Liquibase, loaded only when a {@code liquibase} changelog is given. */
final class LiquibaseMigrations {

    private LiquibaseMigrations() {
    }

    static void update(ConnectionInfo info, String changelog) {
        try (Connection connection = Jdbc.connect(info)) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Liquibase prints each changeset and a summary on standard out, as a command-line tool would; as a
            // test's setup they belong in its log (the summary goes there too), where the build's logging decides.
            Scope.child(Scope.Attr.ui, new LoggerUIService(), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute());
        } catch (SetupException e) {
            throw e;
        } catch (Exception e) {
            throw new SetupException(Messages.migrationFailed("Liquibase", changelog, e.getMessage()), e);
        }
    }
}
