package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@link AFirstClassTest} in the same JVM (surefire's alphabetical run order) and on the same embedded
 * server, and proves that the finished class left nothing behind: no database, no connection, no thread, no trigger
 * function in the server's maintenance database.
 */
@PgNotifications
class BLeftNothingBehindTest {

    @Test
    void theFinishedClassDatabaseIsDropped(DataSource db) throws SQLException {
        String database = firstClassDatabase();

        List<String> found = queryStrings(db, "SELECT datname FROM pg_database WHERE datname = ?", database);

        assertThat(found).as("AFirstClassTest finished, but its database %s still exists", database).isEmpty();
    }

    @Test
    void noConnectionRemainsToTheFinishedClassDatabase(DataSource db) throws SQLException {
        String database = firstClassDatabase();

        List<String> sessions = queryStrings(db, "SELECT format('pid %s, application_name ''%s'', state %s, since %s',"
                + " pid, application_name, state, backend_start) FROM pg_stat_activity WHERE datname = ?", database);

        assertThat(sessions).as("AFirstClassTest finished, but connections to its database %s remain", database)
                .isEmpty();
    }

    @Test
    void noThreadNamedAfterTheFinishedClassDatabaseIsAlive() {
        String database = firstClassDatabase();

        List<String> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.contains(database))
                .toList();

        assertThat(threads).as("AFirstClassTest finished, but threads named after its database %s are alive",
                database).isEmpty();
    }

    @Test
    void noTriggerFunctionSchemaIsLeftInTheMaintenanceDatabase(ConnectionInfo info) throws SQLException {
        firstClassDatabase();
        String maintenanceUrl = info.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        Properties credentials = new Properties();
        credentials.setProperty("user", info.username());
        credentials.setProperty("password", info.password());

        List<String> schemas;
        try (Connection postgres = DriverManager.getConnection(maintenanceUrl, credentials)) {
            schemas = queryStrings(postgres, "SELECT nspname FROM pg_namespace WHERE nspname = ?", "pgnotifications");
        }

        assertThat(schemas).as("the trigger function's schema was left in the maintenance database %s",
                maintenanceUrl).isEmpty();
    }

    private static String firstClassDatabase() {
        String database = FirstClassDatabase.name();
        assertThat(database).as("AFirstClassTest recorded no database to check: either it failed before its first"
                + " test (see its error) or it did not run before this class in this JVM (surefire runOrder"
                + " alphabetical, one fork)").isNotNull();
        return database;
    }

    private static List<String> queryStrings(DataSource db, String sql, String parameter) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return queryStrings(connection, sql, parameter);
        }
    }

    private static List<String> queryStrings(Connection connection, String sql, String parameter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
