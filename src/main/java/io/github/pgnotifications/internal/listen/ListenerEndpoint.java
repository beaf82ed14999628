package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import java.util.Locale;

/**
 * Where the listener connects, read from the test database's JDBC URL: the first host, the database, the
 * credentials, and the TLS parameters {@code sslmode} and {@code sslrootcert}.
 *
 * @param host            the host
 * @param port            the port
 * @param database        the database
 * @param user            the user
 * @param password        the password, possibly empty
 * @param sslMode         libpq's sslmode, {@code prefer} when the URL has none (as for pgjdbc)
 * @param sslRootCert     a PEM file of trusted certificates for {@code verify-ca}/{@code verify-full}, or null
 * @param applicationName how the connection shows in {@code pg_stat_activity}
 */
record ListenerEndpoint(String host, int port, String database, String user, String password, String sslMode,
                        String sslRootCert, String applicationName) {

    static ListenerEndpoint of(ConnectionInfo info, String applicationName) {
        JdbcUrl url = JdbcUrl.parse(info.jdbcUrl());
        String sslMode = url.params().get("sslmode");
        if (sslMode == null) {
            sslMode = "true".equalsIgnoreCase(url.params().get("ssl")) ? "verify-full" : "prefer";
        }
        return new ListenerEndpoint(url.hosts().get(0), Integer.parseInt(url.ports().get(0)), url.database(),
                info.username(), info.password(), sslMode.toLowerCase(Locale.ROOT), url.params().get("sslrootcert"),
                applicationName);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ListenerEndpoint[" + host + ":" + port + "/" + database + ", user=" + user + ", sslmode=" + sslMode
                + "]";
    }
}
