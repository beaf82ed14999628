package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ConnectionInfo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Plain pgjdbc connections to the test database, with the credentials as properties so they stay out of the URL. */
final class Connections {

    private Connections() {
    }

    static Connection open(ConnectionInfo database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", database.username());
        credentials.setProperty("password", database.password());
        return DriverManager.getConnection(database.jdbcUrl(), credentials);
    }

    static RowWriter writer(ConnectionInfo database, String table) throws SQLException {
        return new RowWriter(open(database), table);
    }
}
