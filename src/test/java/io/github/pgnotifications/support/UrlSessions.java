package io.github.pgnotifications.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.PgNotificationsSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** Sessions opened through the public API on a user's JDBC URL, and what pgjdbc alone does with the same URL. */
public final class UrlSessions {

    /** The application_name the library's listener connects with. */
    public static final String LISTENER_APPLICATION = "pg-notifications-listener";

    private UrlSessions() {
    }

    /** A session listening on channel {@code c}, on a database of its own created through {@code url}. */
    public static PgNotificationsSession start(String url, String user, String password) {
        return PgNotificationsSession.builder().channels("c").server(new ConnectionInfo(url, user, password)).start();
    }

    /** Opens a session on {@code url}, sends a notification on {@code c} and asserts that the recorder received it. */
    public static void assertNotificationsArrive(String url, String user, String password) {
        try (PgNotificationsSession session = start(url, user, password)) {
            Sql.exec(session.dataSource(), "NOTIFY c, 'through the user''s URL'");
            assertThat(session.recorder().channel("c").awaitPayload("through the user's URL").channel())
                    .isEqualTo("c");
        }
    }

    /** Whether the session's listener connection is encrypted, as the server sees it. */
    public static boolean listenerUsesTls(PgNotificationsSession session) {
        return Boolean.parseBoolean(Sql.column(session.dataSource(), "SELECT s.ssl::text FROM pg_stat_ssl s"
                + " JOIN pg_stat_activity a USING (pid) WHERE a.application_name = ? AND a.datname = current_database()",
                LISTENER_APPLICATION).get(0));
    }

    /**
     * How pgjdbc by itself fails to connect with this URL and these properties, or empty if it connects; given up
     * after 30 seconds, as the library does, where the URL does not say otherwise.
     */
    public static Optional<SQLException> pgjdbcFailure(String url, Properties properties) {
        Properties withTimeout = new Properties();
        withTimeout.setProperty("loginTimeout", "30");
        withTimeout.putAll(properties);
        try (Connection ignored = DriverManager.getConnection(url, withTimeout)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e);
        }
    }

    /** Connection properties as the library passes them: user and password, never in the URL. */
    public static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    /** pgjdbc's message as the library quotes it in its own: without trailing full stops. */
    public static String quoted(SQLException pgjdbc) {
        return pgjdbc.getMessage().strip().replaceFirst("\\.+$", "");
    }
}
