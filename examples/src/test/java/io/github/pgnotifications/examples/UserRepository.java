package io.github.pgnotifications.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The application code under test in {@link RepositoryExampleTest}: plain JDBC on the {@code users} table of
 * {@code users.sql}. Each call runs in autocommit, so each is its own committed transaction.
 */
final class UserRepository {

    private final DataSource dataSource;

    UserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(long id, String firstName, String lastName) throws SQLException {
        write("INSERT INTO users (id, first_name, last_name) VALUES (?, ?, ?)", id, firstName, lastName);
    }

    void rename(long id, String firstName, String lastName) throws SQLException {
        write("UPDATE users SET first_name = ?, last_name = ? WHERE id = ?", firstName, lastName, id);
    }

    void delete(long id) throws SQLException {
        write("DELETE FROM users WHERE id = ?", id);
    }

    private void write(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
