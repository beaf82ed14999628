package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/** Opens connections with the credentials passed as properties, so that they never appear in a URL. */
public final class Jdbc {

    /** The application_name of the library's own connections, visible in pg_stat_activity. */
    public static final String APPLICATION_NAME = "pg-notifications";

    private static final Driver DRIVER = new Driver();

    private Jdbc() {
    }

    /** A connection for the library's own use, in autocommit. */
    public static Connection connect(ConnectionInfo info) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", info.username());
        props.setProperty("password", info.password());
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("tcpKeepAlive", "true");
        Connection connection = DRIVER.connect(info.jdbcUrl(), props);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + info.jdbcUrl());
        }
        return connection;
    }

    /** Like {@link #connect}, but failures become a setup error that names the server and never the password. */
    public static Connection connectForSetup(ConnectionInfo info, String origin) {
        try {
            return connect(info);
        } catch (SQLException e) {
            JdbcUrl url = JdbcUrl.parse(info.jdbcUrl());
            throw new SetupException(Messages.cannotConnect(url.servers(), url.database(), info.username(), origin,
                    e.getMessage()), e);
        }
    }

    /** A DataSource for tests and the application under test: plain, unpooled, like the driver's own. */
    public static DataSource dataSource(ConnectionInfo info) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(info.jdbcUrl());
        dataSource.setUser(info.username());
        dataSource.setPassword(info.password());
        return dataSource;
    }
}
