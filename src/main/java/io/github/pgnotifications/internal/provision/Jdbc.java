package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens connections the way the user's driver does: pgjdbc with the whole URL the user gave, and the credentials passed
 * as properties, so that they never appear in a URL. What the library adds for its own connections (an application
 * name, keep-alive, a login timeout) goes in as properties too, which pgjdbc applies only where the URL is silent.
 */
public final class Jdbc {

    /** The application_name of the library's own connections, visible in pg_stat_activity. */
    public static final String APPLICATION_NAME = "pg-notifications";

    private static final Driver DRIVER = new Driver();
    /** Seconds a connection may take to log in: a server that accepts TCP but never answers must not hang a run. */
    private static final String LOGIN_TIMEOUT = "30";
    /**
     * Seconds the library's own statements on the maintenance database (create, copy, drop a database) may wait for an
     * answer, for the same reason; generous, since copying a large template takes a while.
     */
    private static final String ADMIN_SOCKET_TIMEOUT = "300";

    private Jdbc() {
    }

    /** A connection for the library's own use, in autocommit. */
    public static Connection connect(ConnectionInfo info) throws SQLException {
        return connect(info, APPLICATION_NAME);
    }

    /** A connection for the library's own use, in autocommit, showing as {@code applicationName}. */
    public static Connection connect(ConnectionInfo info, String applicationName) throws SQLException {
        return connect(info, applicationName, properties(info, applicationName));
    }

    /**
     * A connection for the library's statements on the maintenance database: they time out rather than hang on a
     * server that stops answering.
     */
    static Connection connectAdmin(ConnectionInfo info, String origin) {
        Properties props = properties(info, APPLICATION_NAME);
        props.setProperty("socketTimeout", ADMIN_SOCKET_TIMEOUT);
        try {
            return connect(info, APPLICATION_NAME, props);
        } catch (SQLException e) {
            throw setupFailure(info, origin, e);
        }
    }

    /**
     * A connection for the listener: the library's own settings, plus {@code socketFactory} (when not null) unless the
     * URL names one of its own.
     */
    public static Connection connectListener(ConnectionInfo info, String applicationName, String socketFactory)
            throws SQLException {
        Properties props = properties(info, applicationName);
        if (socketFactory != null) {
            props.setProperty("socketFactory", socketFactory);
        }
        return connect(info, applicationName, props);
    }

    /**
     * The one place a {@link ConnectionInfo} becomes connection properties: the user and password it carries. Every
     * connection (the users' DataSource, the library's own, the listener's) starts from these, and in each the URL's
     * own parameters win.
     */
    private static Properties credentials(ConnectionInfo info) {
        Properties props = new Properties();
        props.setProperty("user", info.username());
        props.setProperty("password", info.password());
        return props;
    }

    private static Properties properties(ConnectionInfo info, String applicationName) {
        Properties props = credentials(info);
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("loginTimeout", LOGIN_TIMEOUT);
        return props;
    }

    private static Connection connect(ConnectionInfo info, String applicationName, Properties props)
            throws SQLException {
        Connection connection = DRIVER.connect(info.jdbcUrl(), props);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + info.jdbcUrl());
        }
        return connection;
    }

    /** Like {@link #connect}, but failures become a setup error that names the server and never the password. */
    public static Connection connectForSetup(ConnectionInfo info, String origin) {
        return connectForSetup(info, origin, APPLICATION_NAME);
    }

    /** As {@link #connectForSetup(ConnectionInfo, String)}, showing as {@code applicationName}. */
    public static Connection connectForSetup(ConnectionInfo info, String origin, String applicationName) {
        try {
            return connect(info, applicationName);
        } catch (SQLException e) {
            throw setupFailure(info, origin, e);
        }
    }

    private static SetupException setupFailure(ConnectionInfo info, String origin, SQLException e) {
        JdbcUrl url = JdbcUrl.parse(info.jdbcUrl());
        return new SetupException(Messages.cannotConnect(url.servers(), url.database(), info.username(), origin,
                e.getMessage()), e);
    }

    /**
     * A DataSource for tests and the application under test: plain, unpooled, the driver's own. It takes the URL, then
     * each {@link #credentials} property the URL does not set itself, as {@code Driver.connect} does.
     */
    public static DataSource dataSource(ConnectionInfo info) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(info.jdbcUrl());
        Properties inUrl = Driver.parseURL(info.jdbcUrl(), null);
        credentials(info).forEach((name, value) -> {
            if (inUrl == null || inUrl.getProperty((String) name) == null) {
                dataSource.setProperty(PGProperty.forName((String) name), (String) value);
            }
        });
        return dataSource;
    }
}
