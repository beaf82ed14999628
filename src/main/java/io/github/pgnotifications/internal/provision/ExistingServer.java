package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;

/** A server the user already runs, reached through the configured JDBC URL. */
final class ExistingServer implements PostgresServer {

    private final JdbcUrl url;
    private final String username;
    private final String password;

    ExistingServer(JdbcUrl url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public String description() {
        return "existing PostgreSQL at " + url.servers() + "/" + url.database();
    }

    @Override
    public ConnectionInfo maintenanceDatabase() {
        return database(url.database());
    }

    @Override
    public ConnectionInfo database(String name) {
        return new ConnectionInfo(url.withDatabase(name).toUrl(), username, password);
    }
}
