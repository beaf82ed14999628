package io.github.pgnotifications;

import java.util.Objects;

/**
 * How to reach the test class's database, for a framework under test (Spring's {@code @DynamicPropertySource},
 * Flyway, jOOQ) that must point at the same database. The JDBC URL never carries the password.
 *
 * @param jdbcUrl  the JDBC URL of the test database, without credentials
 * @param username the user to connect as
 * @param password the password, possibly empty; never printed by {@link #toString()}
 */
public record ConnectionInfo(String jdbcUrl, String username, String password) {

    /**
     * Checks that the URL and user are present; a missing password becomes the empty string.
     *
     * @param jdbcUrl  the JDBC URL of the test database, without credentials; required
     * @param username the user to connect as; required
     * @param password the password; null becomes the empty string
     */
    public ConnectionInfo {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "ConnectionInfo[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=***]";
    }
}
