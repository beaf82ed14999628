package io.github.pgnotifications.examples.quickstart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The application code of the README's quick start: one JDBC write, committed on its own (autocommit). */
public final class UserRepository {

    private final DataSource dataSource;

    public UserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a user. */
    public void create(String id, String firstName, String lastName) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO users (id, first_name, last_name) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, firstName);
            insert.setString(3, lastName);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create user " + id, e);
        }
    }
}
