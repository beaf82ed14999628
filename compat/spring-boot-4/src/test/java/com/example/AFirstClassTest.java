package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user does first: insert, await the change, prove a rollback sends nothing. */
@PgNotifications(tables = "items", scripts = "classpath:items.sql")
class AFirstClassTest {

    @BeforeAll
    static void rememberThisClassDatabase(DataSource db) throws SQLException {
        FirstClassDatabase.remember(queryString(db, "SELECT current_database()"));
    }

    @Test
    void anInsertedRowIsNotified(NotificationRecorder recorder, DataSource db) throws SQLException {
        long id;
        try (Connection connection = db.getConnection()) {
            id = insertItem(connection, "first");
        }

        ChangeEvent event = recorder.channel("items").awaitInsert(id);

        assertThat(event.record()).containsEntry("name", "first");
    }

    @Test
    void aRolledBackInsertSendsNothing(NotificationRecorder recorder, DataSource db) throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            insertItem(connection, "never committed");
            connection.rollback();
        }

        recorder.channel("items").assertNothingReceived();
    }

    @Test
    void theServerIsTheExpectedPostgresMajorVersion(DataSource db) throws SQLException {
        String expectedMajor = System.getProperty("expected.postgres.major");
        assertThat(expectedMajor).as("system property expected.postgres.major (set by surefire in the pom)")
                .isNotBlank();

        String version = queryString(db, "SHOW server_version");

        assertThat(version).as("the embedded server's version (SHOW server_version)").startsWith(expectedMajor + ".");
    }

    private static long insertItem(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO items (name) VALUES (?) RETURNING id")) {
            insert.setString(1, name);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String queryString(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
